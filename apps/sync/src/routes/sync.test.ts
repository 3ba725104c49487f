import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { change, errorCode, freshSubmission, pullAll, pullOne, push, receive } from './sync-test-helpers.ts';

const AN = '062099000123';
const BINH = '062301000456';

let t: TestApp;
let an: string;
let binh: string;
let dakla: string;
let dakmar: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  an = await t.token(AN);
  binh = await t.token(BINH);
  dakla = await t.token('motcua.dakla');
  dakmar = await t.token('motcua.dakmar');
  admin = await t.token('quantri');
});
afterAll(() => t.close());

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
      // The answer is the dossier as stored, with the code the server issued.
      expect(await (await push(own, desk, 'dossiers', [receive(oldest)])).json()).toEqual([expect.objectContaining({ id: oldest.id, status: 2, code: expect.any(String) })]);
      const rest = await pullPages(own, desk, 'dossiers', 1, first.checkpoint);
      const all = [...first.documents, ...rest.pages.flat()];
      expect(all.map((d) => d.id).sort()).toEqual([...newestFirst].sort());
      expect(all.find((d) => d.id === oldest.id)!.status).toBe(2);
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
    const asIs = await push(t, an, 'dossiers', [change(theirs, { summary: 'đã sửa' })]);
    expect(asIs.status).toBe(403);
    expect(await errorCode(asIs)).toBe('out_of_scope');
    const stolen = await push(t, an, 'dossiers', [change(theirs, { ownerCccd: AN, applicant: { ...(theirs.applicant as object), cccd: AN } })]);
    expect(stolen.status).toBe(403);
    expect(await t.store.documents.maxSeq()).toBe(before);
    expect((await pullOne(t, binh, 'dossiers', 'demo-hs-002')).summary).toBe(theirs.summary);
  });

  it("refuses the Đắk Mar desk receiving a Đắk La dossier", async () => {
    const dossier = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    const response = await push(t, dakmar, 'dossiers', [receive(dossier)]);
    expect(response.status).toBe(403);
    expect((await pullOne(t, dakla, 'dossiers', 'demo-hs-001')).status).toBe(1);
  });

  it('keeps the catalog for admins', async () => {
    const agency = (await pullAll(t, an, 'agencies'))[0]!;
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
    const response = await push(t, an, 'dossiers', [receive(mine)]);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('transition_refused');
  });

  it('issues unique codes per agency and day when the desk receives', async () => {
    const queue = await pullAll(t, dakla, 'dossiers');
    const response = await push(t, dakla, 'dossiers', queue.filter((d) => d.status === 1).map((d) => receive(d)));
    expect(response.status).toBe(200);
    // Each is answered as stored, code included, so the desk shows the code without waiting for a pull.
    const answered = (await response.json()) as Array<{ id: string; code: string }>;
    const received = (await pullAll(t, dakla, 'dossiers')).filter((d) => d.status === 2);
    expect(received).toHaveLength(3);
    expect(answered.map((d) => [d.id, d.code]).sort()).toEqual(received.map((d) => [d.id, d.code]).sort());
    const codes = received.map((d) => d.code as string);
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(code).toMatch(/^H34\.29\.2-\d{6}-000[1-3]$/);
    const marQueue = await pullAll(t, dakmar, 'dossiers');
    const row = receive(marQueue[0]!);
    await push(t, dakmar, 'dossiers', [row]);
    const stored = await pullOne(t, dakmar, 'dossiers', 'demo-hs-004');
    expect(stored.code).toMatch(/^H34\.29\.3-\d{6}-0001$/);
    // The answer was lost and the device sends the same row again: it is told the code, once issued.
    const seq = await t.store.documents.maxSeq();
    expect(await (await push(t, dakmar, 'dossiers', [row])).json()).toEqual([stored]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
  });

  it('is idempotent: the same rows pushed twice change nothing the second time', async () => {
    const dossier = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    const row = change(dossier, { summary: 'Đăng ký khai sinh cho con' });
    expect(await (await push(t, dakla, 'dossiers', [row])).json()).toEqual([]);
    const seq = await t.store.documents.maxSeq();
    const again = await push(t, dakla, 'dossiers', [row]);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual([]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
  });

  it('answers a stale push with the stored master, merged, whatever its key order', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const reordered = Object.fromEntries(Object.entries(master).reverse());
    expect(await (await push(t, dakla, 'dossiers', [change(reordered as typeof master, { summary: 'A' })])).json()).toEqual([]);
    const stale = change(master, { summary: 'B' });
    const conflicts = await (await push(t, dakla, 'dossiers', [stale])).json();
    expect(conflicts).toHaveLength(1);
    // Both edited the same field: the merge keeps one of them, the same on every replica.
    const stored = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    expect(conflicts[0]).toEqual(stored);
    expect(conflicts[0]).toMatchObject({ id: 'demo-hs-002', _deleted: false });
    expect(['A', 'B']).toContain(stored.summary);
  });
});

describe('push: events are insert-only and signed by their pusher', () => {
  it('accepts an event by its actor, refuses one in another name or an edit', async () => {
    const [event] = await pullAll(t, an, 'events');
    const mine = { ...event!, id: 'ev-test-1', deviceSeq: 2, actor: { userId: 'u-citizen-an', name: 'Nguyễn Văn An', role: 'citizen' } };
    expect((await push(t, an, 'events', [{ assumedMasterState: null, newDocumentState: mine }])).status).toBe(200);
    const impostor = { ...mine, id: 'ev-test-2', actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' } };
    const refused = await push(t, an, 'events', [{ assumedMasterState: null, newDocumentState: impostor }]);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('actor_mismatch');
    const edit = await push(t, an, 'events', [{ assumedMasterState: mine, newDocumentState: { ...mine, comment: 'sửa' } }]);
    expect(edit.status).toBe(403);
    expect(await errorCode(edit)).toBe('event_immutable');
  });

  it('takes back what a device pulled, unchanged, as already stored, and still refuses it changed', async () => {
    // A tab closed during the first sync: the device lost its record of a pulled page and sends it back.
    const [event] = (await pullAll(t, an, 'events')).filter((e) => e.dossierId === 'demo-hs-001');
    const desk = { ...event!, id: 'ev-test-desk', deviceSeq: 7, actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' } };
    expect((await push(t, dakla, 'events', [{ assumedMasterState: null, newDocumentState: desk }])).status).toBe(200);
    const officers = (await pullAll(t, an, 'events')).filter((e) => e.id === 'ev-test-desk');
    const agency = (await pullAll(t, an, 'agencies'))[0]!;
    expect(officers).toHaveLength(1);
    const before = await t.store.documents.maxSeq();
    const back = async (collection: string, doc: Record<string, unknown>) => push(t, an, collection, [{ assumedMasterState: null, newDocumentState: doc }]);
    for (const [collection, doc] of [['events', officers[0]!], ['agencies', agency]] as const) {
      const answer = await back(collection, doc);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual([]);
    }
    expect(await t.store.documents.maxSeq()).toBe(before);
    expect(await errorCode(await back('events', { ...officers[0]!, comment: 'sửa' }))).toBe('actor_mismatch');
    expect(await errorCode(await back('agencies', { ...agency, name: 'Đổi tên' }))).toBe('catalog_readonly');
    // Out of scope stays out of scope, whatever the row says.
    const theirs = (await pullAll(t, binh, 'events')).find((e) => e.ownerCccd === BINH)!;
    expect(await errorCode(await back('events', theirs))).toBe('out_of_scope');
  });
});

describe('push: work done offline in several steps', () => {
  it('accepts received-then-processing from the desk in one push, with a code', async () => {
    const citizen = await t.token(AN);
    const draft = await pullOne(t, citizen, 'dossiers', 'demo-hs-003');
    const fresh = freshSubmission(draft, 'offline-1');
    expect((await push(t, citizen, 'dossiers', [{ assumedMasterState: null, newDocumentState: fresh }])).status).toBe(200);
    const master = await pullOne(t, dakla, 'dossiers', 'offline-1');
    const response = await push(t, dakla, 'dossiers', [change(master, { status: 4, receivedAt: new Date().toISOString(), stepIndex: 0 })]);
    expect(response.status).toBe(200);
    const stored = await pullOne(t, dakla, 'dossiers', 'offline-1');
    expect(stored.status).toBe(4);
    expect(stored.code).toMatch(/^H34\.29\.2-/);
  });

  it('still refuses a path with a step the pusher may not take', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'offline-1');
    const response = await push(t, dakla, 'dossiers', [change(master, { status: 9 })]);
    expect(response.status).toBe(403);
  });
});

describe('push: ownership', () => {
  it('does not let the desk hand a dossier to another citizen', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const response = await push(t, dakla, 'dossiers', [change(master, { ownerCccd: AN, applicant: { ...(master.applicant as object), cccd: AN } })]);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('owner_immutable');
  });
});

describe('push: deletion', () => {
  it('lets a citizen delete a draft but never a submitted dossier', async () => {
    const submitted = await pullOne(t, an, 'dossiers', 'demo-hs-003');
    const refused = await push(t, an, 'dossiers', [change(submitted, { _deleted: true })]);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('delete_refused');
    const draft = { ...submitted, id: 'draft-to-delete', status: 0, code: null, submittedAt: null };
    expect((await push(t, an, 'dossiers', [{ assumedMasterState: null, newDocumentState: draft }])).status).toBe(200);
    const stored = await pullOne(t, an, 'dossiers', 'draft-to-delete');
    expect((await push(t, an, 'dossiers', [change(stored, { _deleted: true })])).status).toBe(200);
    expect((await pullOne(t, an, 'dossiers', 'draft-to-delete'))._deleted).toBe(true);
    expect((await pullAll(t, dakla, 'dossiers')).some((d) => d.id === 'draft-to-delete')).toBe(false);
  });
});
