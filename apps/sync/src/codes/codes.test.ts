/**
 * Leased dossier codes through the HTTP API, on PGlite and (when available) PostgreSQL: leases never
 * overlap, a device's pushed code is accepted only from its own lease, and never twice.
 */
import { vnDate } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, pullAll, receive, type Doc } from '../routes/sync-test-helpers.ts';
import { TEST_DATABASES } from '../store/test-databases.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

interface Lease { agencyId: string; prefix: string; ranges: Array<{ date: string; from: number; to: number }> }

async function lease(t: TestApp, token: string, deviceId: string, count = 3): Promise<Lease> {
  const response = await t.call('POST', '/api/codes/lease', { token, body: { deviceId, count } });
  expect(response.status).toBe(200);
  return (await response.json()) as Lease;
}

function codeOf(l: Lease, seq: number, date = l.ranges[0]!.date): string {
  return `${l.prefix}-${date.slice(2).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** "Tiếp nhận hồ sơ" on a device that issued `code` itself. */
function receiveWith(master: Doc, code: string, at = new Date()) {
  const row = receive(master, at);
  return { ...row, newDocumentState: { ...row.newDocumentState, code } };
}

function pushAs(t: TestApp, token: string, deviceId: string, rows: unknown) {
  return t.call('POST', '/api/sync/dossiers/push', { token, body: rows, headers: { 'X-Device-Id': deviceId } });
}

for (const database of TEST_DATABASES) {
  describe(`dossier code leases on ${database}`, () => {
    let t: TestApp;
    let desk: string;
    let queue: Doc[];
    beforeAll(async () => {
      t = await createTestApp({}, { database });
      desk = await t.token('motcua.dakla');
      queue = (await pullAll(t, desk, 'dossiers')).filter((d) => d.status === 1);
    });
    afterAll(() => t?.close());

    it('leases disjoint ranges of each day to two devices, starting today', async () => {
      const [a, b] = await Promise.all([lease(t, desk, 'device-a'), lease(t, desk, 'device-b')]);
      expect(a.prefix).toBe('H34.29.2');
      expect(a.ranges[0]!.date).toBe(vnDate(new Date()));
      expect(a.ranges.length).toBeGreaterThanOrEqual(3);
      for (const [i, ra] of a.ranges.entries()) {
        const rb = b.ranges[i]!;
        expect(ra.to < rb.from || rb.to < ra.from).toBe(true);
      }
    });

    it('accepts a code from the device lease, refuses it twice and from another device', async () => {
      const l = await lease(t, desk, 'device-c', 2);
      const at = new Date();
      const first = receiveWith(queue[0]!, codeOf(l, l.ranges[0]!.from), at);
      expect((await pushAs(t, desk, 'device-c', [first])).status).toBe(200);

      const reused = receiveWith(queue[1]!, first.newDocumentState.code, at);
      const again = await pushAs(t, desk, 'device-c', [reused]);
      expect([again.status, await errorCode(again)]).toEqual([409, 'code_used']);

      const stolen = receiveWith(queue[1]!, codeOf(l, l.ranges[0]!.to), at);
      const other = await pushAs(t, desk, 'device-d', [stolen]);
      expect([other.status, await errorCode(other)]).toEqual([403, 'code_not_leased']);
    });

    it('refuses a code never leased (officers can no longer set codes unchecked)', async () => {
      const row = receiveWith(queue[2]!, `H34.29.2-${vnDate(new Date()).slice(2).replaceAll('-', '')}-9999`);
      const response = await pushAs(t, desk, 'device-c', [row]);
      expect([response.status, await errorCode(response)]).toEqual([403, 'code_not_leased']);
    });

    it('issues server codes past every leased number, and refuses citizens', async () => {
      const l = await lease(t, desk, 'device-e', 5);
      expect((await pushAs(t, desk, 'device-e', [receive(queue[2]!)])).status).toBe(200);
      const stored = (await pullAll(t, desk, 'dossiers')).find((d) => d.id === queue[2]!.id)!;
      const seq = Number(String(stored.code).slice(-4));
      expect(seq).toBeGreaterThan(l.ranges[0]!.to);
      const citizen = await t.token('062099000123');
      const refused = await t.call('POST', '/api/codes/lease', { token: citizen, body: { deviceId: 'phone-1', count: 1 } });
      expect(refused.status).toBe(403);
      const bad = await t.call('POST', '/api/codes/lease', { token: desk, body: { deviceId: 'x', count: 0 } });
      expect(bad.status).toBe(400);
    });
  });
}
