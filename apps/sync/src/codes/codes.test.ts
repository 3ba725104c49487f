/**
 * Leased dossier codes through the HTTP API, on PGlite and (when available) PostgreSQL: leases never
 * overlap, a device's pushed code is accepted only from its own lease, and never twice.
 */
import { vnDate } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueIn, signIn, testDevice, type SignedIn, type TestDevice } from '../routes/action-test-helpers.ts';
import { errorCode, pullAll, pullOne, push, type Doc } from '../routes/sync-test-helpers.ts';
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

/** "Tiếp nhận hồ sơ" on `device`, with the code it issued itself (or none: the server's to issue). */
function receiveWith(device: TestDevice, [token, user]: SignedIn, master: Doc, code: string | null = null) {
  return device.act(token, user, master, { type: 'receive', code, dueAt: dueIn() });
}

for (const database of TEST_DATABASES) {
  describe(`dossier code leases on ${database}`, () => {
    let t: TestApp;
    let desk: string;
    let officer: SignedIn;
    let queue: Doc[];
    const devices = new Map<string, TestDevice>();
    /** The desk's device `id`: one chain of events each. */
    const device = (id: string): TestDevice => devices.get(id) ?? devices.set(id, testDevice(t, id)).get(id)!;
    beforeAll(async () => {
      t = await createTestApp({}, { database });
      officer = await signIn(t, 'motcua.dakla');
      desk = officer[0];
      queue = (await pullAll(t, desk, 'dossiers')).filter((d) => d.status === 1);
    });
    afterAll(() => t?.close());
    const stored = (d: Doc) => pullOne(t, desk, 'dossiers', d.id);

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
      const c = device('device-c');
      const code = codeOf(l, l.ranges[0]!.from);
      expect((await receiveWith(c, officer, queue[0]!, code)).stored?.outcome?.status).toBe('applied');
      expect(await stored(queue[0]!)).toMatchObject({ status: 2, code });

      // A refused code keeps the action as refused, and the dossier as it was.
      const again = await receiveWith(c, officer, queue[1]!, code);
      expect(again.stored?.outcome).toMatchObject({ status: 'refused', code: 'code_used' });
      const other = await receiveWith(device('device-d'), officer, queue[1]!, codeOf(l, l.ranges[0]!.to));
      expect(other.stored?.outcome).toMatchObject({ status: 'refused', code: 'code_not_leased' });
      expect(await stored(queue[1]!)).toMatchObject({ status: 1, code: null });
    });

    it('refuses a code never leased (officers can no longer set codes unchecked)', async () => {
      const code = `H34.29.2-${vnDate(new Date()).slice(2).replaceAll('-', '')}-9999`;
      const answer = await receiveWith(device('device-c'), officer, queue[2]!, code);
      expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'code_not_leased' });
      expect(await stored(queue[2]!)).toMatchObject({ status: 1, code: null });
      // A dossier state with the code, as a device from before actions sent it, is not taken at all.
      const master = { ...queue[2]!, _deleted: false };
      const raw = await push(t, desk, 'dossiers', [{ assumedMasterState: master, newDocumentState: { ...master, status: 2, code } }]);
      expect([raw.status, await errorCode(raw)]).toEqual([426, 'app_outdated']);
    });

    it('issues server codes past every leased number, and refuses citizens', async () => {
      const l = await lease(t, desk, 'device-e', 5);
      expect((await receiveWith(device('device-e'), officer, queue[2]!)).stored?.outcome?.status).toBe('applied');
      const seq = Number(String((await stored(queue[2]!)).code).slice(-4));
      expect(seq).toBeGreaterThan(l.ranges[0]!.to);
      const citizen = await t.token('062099000123');
      const refused = await t.call('POST', '/api/codes/lease', { token: citizen, body: { deviceId: 'phone-1', count: 1 } });
      expect(refused.status).toBe(403);
      const bad = await t.call('POST', '/api/codes/lease', { token: desk, body: { deviceId: 'x', count: 0 } });
      expect(bad.status).toBe(400);
    });
  });
}
