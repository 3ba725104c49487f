import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { DEVICE_DAY_QUOTA, MAX_LEASE_COUNT } from './lease-route.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const lease = (token: string, deviceId: string, count = MAX_LEASE_COUNT) =>
  t.call('POST', '/api/codes/lease', { token, body: { deviceId, count } });

describe('dossier code lease quotas', () => {
  it('leases only to the one-stop desk', async () => {
    for (const username of ['chuyenvien.dakla', 'chutich.dakla', '062099000123']) {
      expect((await lease(await t.token(username), 'device-x', 5)).status).toBe(403);
    }
  });

  it('stops a device asking in a loop before it takes the commune’s numbers, and leaves other desks theirs', async () => {
    const desk = await t.token('motcua.dakla');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lease(desk, 'looping-desk')).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    expect(2 * MAX_LEASE_COUNT).toBeLessThanOrEqual(DEVICE_DAY_QUOTA);
    const other = await lease(await t.token('motcua.dakla'), 'other-desk', 20);
    expect(other.status).toBe(200);
    const ranges = ((await other.json()) as { ranges: Array<{ to: number }> }).ranges;
    expect(ranges.length).toBe(5);
    expect(ranges.every((r) => r.to < 9999)).toBe(true);
  });

  it('refuses a body with a prototype key, storing nothing', async () => {
    const desk = await t.token('motcua.dakla');
    const response = await t.call('POST', '/api/codes/lease', { token: desk, body: '{"deviceId":"proto-desk","count":1,"__proto__":{"x":1}}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden_key');
  });
});
