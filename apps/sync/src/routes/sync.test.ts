import { contentMismatch, type Dossier } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../sync/dossier-content.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contentEdit, dueIn, errorCodeOf, signIn, submitNew, testDevice, whoAmI, type SignedIn } from './action-test-helpers.ts';
import { change, errorCode, pullAll, pullOne, push, type Doc } from './sync-test-helpers.ts';

const AN = '062099000123';
const BINH = '062301000456';

let t: TestApp;
let an: string;
let binh: string;
let dakla: string;
let dakmar: string;
let admin: string;
let tier: string;
/** Signed in, with who they are, to act as them. */
const as = {} as Record<'an' | 'dakla' | 'dakmar', SignedIn>;
beforeAll(async () => {
  t = await createTestApp();
  as.an = await signIn(t, AN);
  as.dakla = await signIn(t, 'motcua.dakla');
  as.dakmar = await signIn(t, 'motcua.dakmar');
  [an, dakla, dakmar] = [as.an[0], as.dakla[0], as.dakmar[0]];
  binh = await t.token(BINH);
  admin = await t.token('quantri');
  // The service account of Đắk La's commune server: it still relays dossier states.
  tier = await t.token('tier.dakla');
});
afterAll(() => t.close());

/** An edit of `dossier`'s summary, as a device records it. */
const summaryEdit = (dossier: Doc, summary: string) => ({ type: 'editContent', changes: contentEdit(dossier, (c) => ({ ...c, summary })) }) as const;

const ids = (docs: { id: string }[]) => docs.map((d) => d.id).sort();

type Page = { documents: Array<{ id: string; status?: number }>; checkpoint: Record<string, unknown> | null };

async function pullPage(app: TestApp, token: string, collection: string, limit: number, checkpoint: Page['checkpoint']): Promise<Page> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
  const response = await app.call('GET', `/api/sync/${collection}/pull?${query}`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** Pulls page by page, as RxDB does, until a page comes back empty. */
async function pullPages(app: TestApp, token: string, collection: string, limit: number, from: Page['checkpoint'] = null) {
  const pages: Page['documents'][] = [];
  let checkpoint = from;
  for (;;) {
    const page = await pullPage(app, token, collection, limit, checkpoint);
    if (page.documents.length === 0) break;
    pages.push(page.documents);
    checkpoint = { ...checkpoint, ...page.checkpoint };
  }
  return { pages, ids: pages.flat().map((d) => d.id), checkpoint };
}

describe('pull', () => {
  it('gives the catalog to every signed-in user, in checkpoint pages', async () => {
    const procedures = await pullAll(t, an, 'procedures');
    expect(procedures.length).toBeGreaterThanOrEqual(12);
    expect(procedures[0]).toHaveProperty('_deleted', false);
    const paged = await pullPages(t, dakmar, 'procedures', 5);
    expect(paged.pages[0]).toHaveLength(5);
    expect(paged.ids).toEqual(procedures.map((p) => p.id));
    expect(ids(await pullAll(t, dakmar, 'agencies'))).toContain('001.29.00.H34');
  });

  it("pages a new device's first pull newest first, then brings what changed meanwhile, each document once", async () => {
    const own = await createTestApp();
    try {
      const desk = await own.token('motcua.dakla');
      const dossiers = await pullAll(own, desk, 'dossiers');
      const newestFirst = dossiers.map((d) => d.id);
      const oldest = dossiers.at(-1)!;
      expect(oldest.status).toBe(1);
      const first = await pullPage(own, desk, 'dossiers', 1, null);
      expect(first.documents.map((d) => d.id)).toEqual([newestFirst[0]]);
      // While the device is still paging down, the oldest dossier is received at the desk.
      const received = await testDevice(own).act(desk, await whoAmI(own, desk), oldest, { type: 'receive', dueAt: dueIn() });
      expect(received.stored?.outcome).toMatchObject({ status: 'applied', fromStatus: 1, toStatus: 2 });
      const rest = await pullPages(own, desk, 'dossiers', 1, first.checkpoint);
      const all = [...first.documents, ...rest.pages.flat()];
      expect(all.map((d) => d.id).sort()).toEqual([...newestFirst].sort());
      // It comes once, as stored: with the code the server issued.
      expect(all.find((d) => d.id === oldest.id)).toMatchObject({ status: 2, code: expect.any(String) });
      expect(rest.checkpoint).toEqual({ seq: expect.any(Number), top: null, below: null });
      // Later pulls read in order from there: nothing new, nothing twice.
      expect((await pullPage(own, desk, 'dossiers', 10, rest.checkpoint)).documents).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('returns the given checkpoint when there is nothing new', async () => {
    const response = await t.call('GET', '/api/sync/agencies/pull?checkpoint=%7B%22seq%22%3A999999%7D', { token: an });
    expect(await response.json()).toEqual({ documents: [], checkpoint: { seq: 999999 } });
  });

  it('shows each citizen only their own dossiers', async () => {
    expect(ids(await pullAll(t, an, 'dossiers'))).toEqual(['demo-hs-001', 'demo-hs-003']);
    expect(ids(await pullAll(t, binh, 'dossiers'))).toEqual(['demo-hs-002', 'demo-hs-004']);
    const events = await pullAll(t, an, 'events');
    expect(events.every((e) => e.ownerCccd === AN)).toBe(true);
  });

  it("keeps Đắk La's queue from the Đắk Mar desk, and shows a province admin both", async () => {
    expect(ids(await pullAll(t, dakmar, 'dossiers'))).toEqual(['demo-hs-004']);
    expect(ids(await pullAll(t, dakla, 'dossiers'))).toEqual(['demo-hs-001', 'demo-hs-002', 'demo-hs-003']);
    expect(ids(await pullAll(t, admin, 'dossiers'))).toEqual(['demo-hs-001', 'demo-hs-002', 'demo-hs-003', 'demo-hs-004']);
  });

  it('refuses bad checkpoints and limits, and unknown collections', async () => {
    for (const query of ['checkpoint=%7Bnope', 'checkpoint=%7B%22seq%22%3A-1%7D', `checkpoint=${encodeURIComponent('{"seq":1,"below":2}')}`, 'limit=0', 'limit=1001', 'limit=abc']) {
      const response = await t.call('GET', `/api/sync/dossiers/pull?${query}`, { token: an });
      expect(response.status, query).toBe(400);
    }
    const unknown = await t.call('GET', '/api/sync/secrets/pull', { token: an });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('unknown_collection');
  });

  it('wants a token', async () => {
    const response = await t.call('GET', '/api/sync/procedures/pull');
    expect(response.status).toBe(401);
  });
});

describe('push: scope', () => {
  it("refuses a citizen writing the other citizen's dossier, and stores nothing", async () => {
    const theirs = await pullOne(t, binh, 'dossiers', 'demo-hs-002');
    const before = await t.store.documents.maxSeq();
    const device = testDevice(t);
    const asIs = await device.act(...as.an, theirs, summaryEdit(theirs, 'đã sửa'));
    expect([asIs.status, errorCodeOf(asIs)]).toEqual([403, 'out_of_scope']);
    const stolen = await device.act(...as.an, theirs, { type: 'requestWithdrawal', reason: 'Của tôi' }, { event: { ownerCccd: AN } });
    expect(stolen.status).toBe(403);
    const state = await push(t, an, 'dossiers', [change(theirs, { ownerCccd: AN, applicant: { ...(theirs.applicant as object), cccd: AN } })]);
    expect([state.status, await errorCode(state)]).toEqual([426, 'app_outdated']);
    expect(await t.store.documents.maxSeq()).toBe(before);
    expect((await pullOne(t, binh, 'dossiers', 'demo-hs-002')).summary).toBe(theirs.summary);
  });

  it("refuses the Đắk Mar desk receiving a Đắk La dossier", async () => {
    const dossier = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    const answer = await testDevice(t).act(...as.dakmar, dossier, { type: 'receive', dueAt: dueIn() });
    expect([answer.status, errorCodeOf(answer)]).toEqual([403, 'out_of_scope']);
    expect((await pullOne(t, dakla, 'dossiers', 'demo-hs-001')).status).toBe(1);
  });

  it('keeps the catalog for admins', async () => {
    // A commune of Kon Tum, the province its admin manages.
    const agency = (await pullAll(t, an, 'agencies')).find((a) => a.id === '001.29.00.H34')!;
    const response = await push(t, dakla, 'agencies', [change(agency, { name: 'Đổi tên' })]);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('catalog_readonly');
    const ok = await push(t, admin, 'agencies', [change(agency, { phone: '0260 000 000' })]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual([]);
  });
});

describe('push: state machine and codes', () => {
  it('refuses a citizen receiving their own dossier', async () => {
    const mine = await pullOne(t, an, 'dossiers', 'demo-hs-003');
    const answer = await testDevice(t).act(...as.an, mine, { type: 'receive', dueAt: dueIn() });
    expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'transition_refused' });
    expect(await pullOne(t, an, 'dossiers', 'demo-hs-003')).toMatchObject({ status: 1, code: null, receivedAt: null });
    const state = await push(t, an, 'dossiers', [change(mine, { status: 2, receivedAt: new Date().toISOString(), dueAt: dueIn() })]);
    expect([state.status, await errorCode(state)]).toEqual([426, 'app_outdated']);
  });

  it('issues unique codes per agency and day when the desk receives', async () => {
    const queue = (await pullAll(t, dakla, 'dossiers')).filter((d) => d.status === 1);
    const desk = testDevice(t);
    const events = [];
    for (const dossier of queue) events.push((await desk.record(as.dakla[1], dossier, { type: 'receive', dueAt: dueIn() })).event);
    const response = await desk.pushEvents(dakla, events);
    expect(response.status).toBe(200);
    // Each action is answered with what became of it; the codes come with the next pull.
    const answered = (await response.json()) as Array<{ id: string; outcome: { status: string } }>;
    expect(answered.map((e) => [e.id, e.outcome.status])).toEqual(events.map((e) => [e.id, 'applied']));
    const received = (await pullAll(t, dakla, 'dossiers')).filter((d) => d.status === 2);
    expect(received).toHaveLength(3);
    const codes = received.map((d) => d.code as string);
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(code).toMatch(/^H34\.29\.2-\d{6}-000[1-3]$/);
    const marQueue = await pullAll(t, dakmar, 'dossiers');
    const mar = testDevice(t);
    const first = await mar.act(...as.dakmar, marQueue[0]!, { type: 'receive', dueAt: dueIn() });
    const stored = await pullOne(t, dakmar, 'dossiers', 'demo-hs-004');
    expect(stored.code).toMatch(/^H34\.29\.3-\d{6}-0001$/);
    // The answer was lost and the device sends the same event again: it learns the same outcome, once.
    const seq = await t.store.documents.maxSeq();
    expect(await (await mar.pushEvents(dakmar, [first.event])).json()).toEqual([first.stored]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
    expect(await pullOne(t, dakmar, 'dossiers', 'demo-hs-004')).toEqual(stored);
  });

  it('is idempotent: the same event pushed twice changes nothing the second time', async () => {
    const dossier = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    const device = testDevice(t);
    const first = await device.act(...as.dakla, dossier, summaryEdit(dossier, 'Đăng ký khai sinh cho con'));
    expect(first.stored?.outcome?.status).toBe('applied');
    const seq = await t.store.documents.maxSeq();
    const again = await device.pushEvents(dakla, [first.event]);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual([first.stored]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
    expect((await pullOne(t, dakla, 'dossiers', 'demo-hs-001')).summary).toBe('Đăng ký khai sinh cho con');
  });

  it('merges two offline edits of one field the same way everywhere, whatever the key order of the event', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const [a, b] = [testDevice(t), testDevice(t)];
    const { event } = await a.record(as.dakla[1], master, summaryEdit(master, 'A'));
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    const first = (await (await a.pushEvents(dakla, [reordered])).json()) as Array<{ outcome: { status: string } }>;
    expect(first[0]!.outcome.status).toBe('applied');
    // The other device edited the same field of the same master, offline.
    const stale = await b.act(...as.dakla, master, summaryEdit(master, 'B'));
    expect(stale.stored?.outcome?.status).toBe('applied');
    // Both edited the same field: the merge keeps one of them, the one every replica's content shows.
    const stored = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    expect(['A', 'B']).toContain(stored.summary);
    expect(contentMismatch(engine, stored as unknown as Dossier)).toBeNull();
  });
});

describe('push: events are insert-only and signed by their pusher', () => {
  it('accepts an event by its actor, refuses one in another name or an edit', async () => {
    const mine = await pullOne(t, an, 'dossiers', 'demo-hs-001');
    const device = testDevice(t);
    const withdraw = { type: 'requestWithdrawal', reason: 'Nộp nhầm thủ tục' } as const;
    const own = await device.act(...as.an, mine, withdraw);
    expect(own.stored?.outcome?.status).toBe('applied');
    const impostor = await device.act(...as.an, mine, withdraw, { event: { actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' } } });
    expect([impostor.status, errorCodeOf(impostor)]).toEqual([403, 'actor_mismatch']);
    const edit = await device.act(...as.an, mine, withdraw, { event: { id: own.event.id, comment: 'sửa' } });
    expect([edit.status, errorCodeOf(edit)]).toEqual([403, 'event_immutable']);
  });

  it('takes back what a tier or a device pulled, unchanged, as already stored, and still refuses it changed', async () => {
    // A tab closed during the first sync: the device lost its record of a pulled page and sends it back.
    // People send back only the catalog this way; a tier relays events as it pulled them.
    const [event] = (await pullAll(t, tier, 'events')).filter((e) => e.dossierId === 'demo-hs-001');
    const agency = (await pullAll(t, an, 'agencies'))[0]!;
    const before = await t.store.documents.maxSeq();
    const back = async (token: string, collection: string, doc: Record<string, unknown>) =>
      push(t, token, collection, [{ assumedMasterState: null, newDocumentState: doc }]);
    for (const [token, collection, doc] of [[tier, 'events', event!], [an, 'agencies', agency]] as const) {
      const answer = await back(token, collection, doc);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual([]);
    }
    // Changed, an event is refused: its hash no longer matches, whatever the tier assumed.
    const edited = { ...event!, comment: 'sửa' };
    expect(await errorCode(await back(tier, 'events', edited))).toBe('event_altered');
    const edit = await push(t, tier, 'events', [{ assumedMasterState: event, newDocumentState: edited }]);
    expect([edit.status, await errorCode(edit)]).toEqual([422, 'event_altered']);
    expect(await errorCode(await back(an, 'agencies', { ...agency, name: 'Đổi tên' }))).toBe('catalog_readonly');
    expect(await t.store.documents.maxSeq()).toBe(before);
    // Out of scope stays out of scope, whatever the row says.
    const theirs = (await pullAll(t, binh, 'events')).find((e) => e.agencyId === '002.29.00.H34')!;
    expect(await errorCode(await back(tier, 'events', theirs))).toBe('out_of_scope');
  });
});

describe('push: work done offline in several steps', () => {
  it('accepts received-then-processing from the desk in one push, with a code', async () => {
    await submitNew(t, as.an, { id: 'offline-1' });
    const master = await pullOne(t, dakla, 'dossiers', 'offline-1');
    const desk = testDevice(t);
    const received = await desk.record(as.dakla[1], master, { type: 'receive', dueAt: dueIn() });
    const processing = await desk.record(as.dakla[1], received.dossier, { type: 'startProcessing', stepIndex: 0 });
    const response = await desk.pushEvents(dakla, [received.event, processing.event]);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Array<{ outcome: unknown }>).map((e) => e.outcome)).toEqual([
      expect.objectContaining({ status: 'applied', fromStatus: 1, toStatus: 2 }),
      expect.objectContaining({ status: 'applied', fromStatus: 2, toStatus: 4 }),
    ]);
    const stored = await pullOne(t, dakla, 'dossiers', 'offline-1');
    expect(stored.status).toBe(4);
    expect(stored.code).toMatch(/^H34\.29\.2-/);
  });

  it('still refuses a step the pusher may not take', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'offline-1');
    const answer = await testDevice(t).act(...as.dakla, master, { type: 'resolve' });
    expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'transition_refused' });
    expect((await pullOne(t, dakla, 'dossiers', 'offline-1')).status).toBe(4);
    const state = await push(t, dakla, 'dossiers', [change(master, { status: 9 })]);
    expect([state.status, await errorCode(state)]).toEqual([426, 'app_outdated']);
  });
});

describe('push: ownership', () => {
  it('does not let the desk hand a dossier to another citizen', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const toAn = { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, applicant: { ...c.applicant, cccd: AN } })) } as const;
    const device = testDevice(t);
    // An event that says the dossier is An's is refused whole.
    const forged = await device.act(...as.dakla, master, toAn, { event: { ownerCccd: AN } });
    expect([forged.status, errorCodeOf(forged)]).toEqual([422, 'event_mismatch']);
    // Correcting the applicant's number on the form leaves the dossier its owner's.
    expect((await device.act(...as.dakla, master, toAn)).stored?.outcome?.status).toBe('applied');
    expect(await pullOne(t, binh, 'dossiers', 'demo-hs-002')).toMatchObject({ ownerCccd: BINH, applicant: { cccd: AN } });
    expect((await pullAll(t, an, 'dossiers')).some((d) => d.id === 'demo-hs-002')).toBe(false);
    // A tier relays dossier states, never a change of their owner.
    const relayed = await pullOne(t, tier, 'dossiers', 'demo-hs-002');
    const response = await push(t, tier, 'dossiers', [change(relayed, { ownerCccd: AN })]);
    expect([response.status, await errorCode(response)]).toEqual([403, 'owner_immutable']);
  });
});

describe('push: deletion', () => {
  it('never deletes a submitted dossier: no action of a person does, and a tier may not relay it', async () => {
    const submitted = await pullOne(t, an, 'dossiers', 'demo-hs-003');
    const mine = await push(t, an, 'dossiers', [change(submitted, { _deleted: true })]);
    expect([mine.status, await errorCode(mine)]).toEqual([426, 'app_outdated']);
    const relayed = await push(t, tier, 'dossiers', [change(await pullOne(t, tier, 'dossiers', 'demo-hs-003'), { _deleted: true })]);
    expect([relayed.status, await errorCode(relayed)]).toEqual([403, 'delete_refused']);
    expect((await pullOne(t, an, 'dossiers', 'demo-hs-003'))._deleted).toBe(false);
  });
});
