import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimit } from '../public/rate-limit.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { dueIn, signIn, testDevice } from './action-test-helpers.ts';
import { pullOne } from './sync-test-helpers.ts';

const AN = '062099000123';
const BINH = '062301000456';

let t: TestApp;
let code: string;
beforeAll(async () => {
  t = await createTestApp({ lookupLimit: createRateLimit({ max: 8, windowMs: 60_000 }) });
  const [desk, user] = await signIn(t, 'motcua.dakla');
  const submitted = await pullOne(t, desk, 'dossiers', 'demo-hs-001');
  const received = await testDevice(t).act(desk, user, submitted, { type: 'receive', dueAt: dueIn() });
  expect(received.stored?.outcome?.status).toBe('applied');
  code = String((await pullOne(t, desk, 'dossiers', 'demo-hs-001')).code);
});
afterAll(() => t.close());

const lookup = (body: unknown) => t.call('POST', '/api/public/lookup', { body });

describe('POST /api/public/lookup', () => {
  it('answers the owner with the status, the step and the appointment date only, without signing in', async () => {
    const response = await lookup({ code, cccd: AN });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'dueAt', 'status', 'statusLabel', 'stepName']);
    expect(body).toMatchObject({ code, status: 2, statusLabel: 'Được tiếp nhận', stepName: 'Bộ phận Một cửa tiếp nhận hồ sơ' });
    expect(typeof body.dueAt).toBe('string');
  });

  it('tells a wrong CCCD exactly what it tells an unknown code', async () => {
    const wrong = await lookup({ code, cccd: BINH });
    const unknown = await lookup({ code: 'H34.29.2-991231-9999', cccd: BINH });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toBe(b);
    expect(a).not.toContain(code);
    expect(a).not.toContain('Nguyễn');
  });

  it('refuses a malformed request with 400 JSON', async () => {
    const response = await lookup({ code, cccd: '123' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_lookup' } });
  });

  it('limits the lookups per address with 429 JSON', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lookup({ code, cccd: AN })).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await lookup({ code, cccd: AN });
    expect(limited.headers.get('content-type')).toContain('application/json');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});

describe('createRateLimit', () => {
  it('counts each address on its own and forgets after the window', () => {
    const limit = createRateLimit({ max: 2, windowMs: 1000 });
    limit.hit('a', 0);
    limit.hit('a', 10);
    expect(() => limit.hit('a', 20)).toThrow(/thử lại sau 1 giây/);
    expect(() => limit.hit('b', 20)).not.toThrow();
    expect(() => limit.hit('a', 1010)).not.toThrow();
  });
});
