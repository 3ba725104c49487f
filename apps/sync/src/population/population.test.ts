import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCccd } from '@motcua/model';
import { createRateLimit } from '../public/rate-limit.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { PopulationUnavailableError } from './registry.ts';
import { SYNTHETIC_PEOPLE, createSyntheticRegistry } from './synthetic.ts';

describe('the synthetic registry', () => {
  it('holds the two demo citizens and twenty people with valid, distinct CCCD numbers', () => {
    expect(SYNTHETIC_PEOPLE.length).toBeGreaterThanOrEqual(22);
    expect(SYNTHETIC_PEOPLE.slice(0, 2).map((p) => p.cccd)).toEqual(['062099000123', '062301000456']);
    for (const p of SYNTHETIC_PEOPLE) expect(validateCccd(p.cccd, p.birthDate, p.gender), p.fullName).toBeNull();
    expect(new Set(SYNTHETIC_PEOPLE.map((p) => p.cccd)).size).toBe(SYNTHETIC_PEOPLE.length);
  });

  it('answers found, mismatch or not found; names match without diacritics', async () => {
    const registry = createSyntheticRegistry();
    expect(await registry.lookup({ cccd: '062099000123', fullName: 'nguyen van  an', birthDate: '1999-05-12' })).toMatchObject({
      status: 'found', person: { fullName: 'Nguyễn Văn An', gender: 'nam' },
    });
    expect(await registry.lookup({ cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-13' })).toEqual({ status: 'mismatch' });
    expect(await registry.lookup({ cccd: '062099999999', fullName: 'X', birthDate: '1999-05-12' })).toEqual({ status: 'not_found' });
  });
});

describe('POST /api/population/check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ populationLimit: createRateLimit({ max: 4, windowMs: 60_000 }) });
  });
  afterAll(() => t.close());
  const BINH = { cccd: '062301000456', fullName: 'Trần Thị Bình', birthDate: '2001-08-20' };

  it('answers an officer with the person and audits the check', async () => {
    const token = await t.token('chuyenvien.dakla');
    const response = await t.call('POST', '/api/population/check', { token, body: BINH });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; person: { permanentAddress: string; gender: string }; source: string };
    expect(body).toMatchObject({ status: 'found', person: { gender: 'nu' } });
    expect(body.person.permanentAddress).toContain('Đắk La');
    expect(body.source).toMatch(/CSDLQG/);
    const trail = await t.store.warehouse.auditTrail(BINH.cccd);
    expect(trail.at(-1)).toMatchObject({ userId: 'u-chuyenvien.dakla', action: 'population.check.found' });
  });

  it('refuses citizens, anonymous callers and bad input', async () => {
    const citizen = await t.token('062099000123');
    expect((await t.call('POST', '/api/population/check', { token: citizen, body: BINH })).status).toBe(403);
    expect((await t.call('POST', '/api/population/check', { body: BINH })).status).toBe(401);
    const desk = await t.token('motcua.dakla');
    const bad = await t.call('POST', '/api/population/check', { token: desk, body: { ...BINH, cccd: '12345' } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_cccd');
    expect((await t.call('POST', '/api/population/check', { token: desk, body: { ...BINH, birthDate: '20/08/2001' } })).status).toBe(422);
  });

  it('limits the checks per officer', async () => {
    const token = await t.token('chutich.dakla');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.call('POST', '/api/population/check', { token, body: BINH })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('answers 503 when the registry is unreachable', async () => {
    const down = await createTestApp({ population: { source: 'x', lookup: () => Promise.reject(new PopulationUnavailableError('timeout')) } });
    try {
      const response = await down.call('POST', '/api/population/check', { token: await down.token('motcua.dakla'), body: BINH });
      expect(response.status).toBe(503);
    } finally {
      await down.close();
    }
  });
});
