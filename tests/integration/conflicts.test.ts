/**
 * Nothing is silently dropped, on PGlite and on PostgreSQL: two desks that change one dossier's
 * status offline end with the same dossier, the action that came second kept as refused and listed
 * with its author until an officer re-applies it or sets it aside; two offline desks issue dossier codes from their leases and never the same one, and a
 * desk with no number left gets its provisional code replaced by a final one on sync.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, DossierEventType, type CodeLease, type Dossier } from '@motcua/model';
import { makeCodeBook, type CodeBook } from '../../apps/pwa/src/features/reception/makeCodeBook.ts';
import { TEST_DATABASES } from '../helpers/server.ts';
import { type TestClient, useServerAndDevices, waitFor } from './clients.ts';
import { CITIZEN, CODE_PATTERN, dueIn5Days, localDossier, localEvents, offlineSubmission } from './steps.ts';


/** A device's book, leased from the real server (kept in memory). */
async function codeBook(c: TestClient, count: number): Promise<CodeBook> {
  const data = new Map<string, string>();
  const book = makeCodeBook({
    storage: { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) },
    userId: c.user.id,
    deviceId: c.deviceId,
    requestLease: async (body) => {
      const response = await fetch(`${c.url}/api/codes/lease`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await c.token()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, count }),
      });
      if (!response.ok) throw new Error(`lease: ${response.status}`);
      return (await response.json()) as CodeLease;
    },
  });
  expect(await book.refill()).toBe(true);
  return book;
}

const plain = (d: { toJSON(): unknown } | null) => JSON.parse(JSON.stringify(d?.toJSON() ?? null)) as Dossier | null;

describe.each(TEST_DATABASES)('conflicts and offline codes on %s', (storage) => {
  const env = useServerAndDevices(storage);
  const device = env.device;

  /** Two desks that both hold the citizen's new dossiers, then go offline. */
  async function twoOfflineDesks(dossiers: number) {
    const citizen = await device(CITIZEN, 'citizen');
    const submitted: Dossier[] = [];
    for (let i = 0; i < dossiers; i++) submitted.push((await offlineSubmission(citizen)).dossier);
    await citizen.startSync().awaitInSync();
    const pc = await device('motcua.dakla', 'desk-pc');
    const tablet = await device('motcua.dakla', 'desk-tablet');
    pc.startSync();
    tablet.startSync();
    await waitFor('both desks hold the dossiers', async () => {
      const held = await Promise.all(submitted.flatMap((d) => [localDossier(pc, d.id), localDossier(tablet, d.id)]));
      return held.every(Boolean);
    });
    return { citizen, pc, tablet, submitted };
  }

  it('ends concurrent status changes with the same dossier on both desks and lists the loser until resolved', async () => {
    const { pc, tablet, submitted } = await twoOfflineDesks(1);
    const id = submitted[0]!.id;
    await pc.stopSync();
    await tablet.stopSync();
    await pc.act(id, { type: 'receive', dueAt: dueIn5Days() });
    await tablet.act(id, { type: 'reject', reason: 'Thiếu giấy chứng sinh' });
    await pc.startSync().awaitInSync();
    await tablet.startSync().awaitInSync();
    pc.sync!.reSync();

    const same = await waitFor('both desks hold the same dossier', async () => {
      const [a, b] = [plain(await localDossier(pc, id)), plain(await localDossier(tablet, id))];
      return a && b && a.conflicts.length > 0 && canonicalJson(a) === canonicalJson(b) ? a : null;
    });
    // The PC's reception reached the server first; the tablet's rejection was meant for a dossier not yet received.
    expect(same.status).toBe(2);
    expect(same.conflicts).toEqual([expect.objectContaining({ action: 'Từ chối', by: tablet.user.fullName })]);
    const refused = (await localEvents(tablet, id)).find((e) => e.id === same.conflicts[0]!.eventId);
    expect(refused?.outcome).toMatchObject({ status: 'refused', code: 'transition_refused' });

    // "Bỏ qua" on the PC: the conflict leaves the dossier everywhere, the history keeps both.
    await pc.act(id, { type: 'resolveConflict', eventId: same.conflicts[0]!.eventId, decision: 'setAside', comment: 'Đã liên hệ công dân' });
    await pc.sync!.awaitInSync();
    await waitFor('the tablet sees it resolved', async () => {
      const t = plain(await localDossier(tablet, id));
      return t?.conflicts.length === 0 && (await localEvents(tablet, id)).some((e) => e.type === DossierEventType.ConflictResolved);
    });
  });

  it('two offline desks never issue the same code, and a provisional code gets a final one on sync', async () => {
    const { citizen, pc, tablet, submitted } = await twoOfflineDesks(5);
    const [pcBook, tabletBook] = [await codeBook(pc, 2), await codeBook(tablet, 2)];
    await pc.stopSync();
    await tablet.stopSync();
    const issued: string[] = [];
    for (const [i, d] of submitted.entries()) {
      const desk = i % 2 === 0 ? pc : tablet;
      const book = desk === pc ? pcBook : tabletBook;
      const at = new Date();
      const code = book.issue(at);
      const action = code.kind === 'leased'
        ? { type: 'receive' as const, dueAt: dueIn5Days(), code: code.code }
        : { type: 'receive' as const, dueAt: dueIn5Days(), code: null, provisionalCode: code.provisionalCode };
      const { event } = await desk.act(d.id, action, at);
      if (code.kind === 'leased') issued.push(code.code);
      expect(event.type).toBe('v1.DossierReceived');
    }
    expect(issued).toHaveLength(4);
    expect(new Set(issued).size).toBe(4);
    await pc.startSync().awaitInSync();
    await tablet.startSync().awaitInSync();

    const final = await waitFor('every dossier has its final code on the citizen device', async () => {
      const all = (await Promise.all(submitted.map((d) => localDossier(citizen, d.id)))).map(plain);
      return all.every((d) => d?.code && CODE_PATTERN.test(d.code)) ? (all as Dossier[]) : null;
    });
    expect(new Set(final.map((d) => d.code)).size).toBe(5);
    const provisional = final.find((d) => d.provisionalCode);
    expect(provisional?.provisionalCode).toMatch(/^TAM-/);
    expect(issued).not.toContain(provisional?.code);
    for (const code of issued) expect(final.map((d) => d.code)).toContain(code);
  });
});
