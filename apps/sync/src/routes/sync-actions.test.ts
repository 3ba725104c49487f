import { createDossierDraft, type Procedure, type SessionUser } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contentEdit, contentSeed, testDevice, whoAmI } from './action-test-helpers.ts';
import { errorCode, pullAll, pullOne, push, type Doc } from './sync-test-helpers.ts';

const AN = '062099000123';
const BINH = '062301000456';
const DUE = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

let t: TestApp;
const tokens: Record<string, string> = {};
const users: Record<string, SessionUser> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const name of [AN, BINH, 'motcua.dakla', 'chuyenvien.dakla', 'chutich.dakla', 'motcua.dakmar']) {
    tokens[name] = await t.token(name);
    users[name] = await whoAmI(t, tokens[name]);
  }
});
afterAll(() => t.close());

const as = (name: string) => [tokens[name]!, users[name]!] as const;

async function newSubmission(device = testDevice(t)): Promise<Doc> {
  const procedures = (await pullAll(t, tokens[AN]!, 'procedures')) as unknown as Procedure[];
  const procedure = procedures.find((p) => p.nationalCode === '1.001193')!;
  const id = crypto.randomUUID();
  const draft = createDossierDraft({
    id, procedure, ownerCccd: AN, agencyId: '001.29.00.H34', now: new Date(), userId: users[AN]!.id,
    applicant: { cccd: AN, fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Đắk La' },
  });
  const created = await device.act(...as(AN), null, { type: 'create', agencyId: draft.agencyId, procedureId: procedure.id, changes: contentSeed(draft) },
    { dossierId: id, procedure });
  expect(created.stored?.outcome).toMatchObject({ status: 'applied' });
  const own = await pullOne(t, tokens[AN]!, 'dossiers', id);
  const submitted = await device.act(...as(AN), own, { type: 'submit' });
  expect(submitted.stored?.outcome).toMatchObject({ status: 'applied', fromStatus: 0, toStatus: 1 });
  return pullOne(t, tokens['motcua.dakla']!, 'dossiers', id);
}

describe('actions are the write path', () => {
  it('a citizen creates and submits; the server derives the dossier, channel and owner from its catalog and the token', async () => {
    const d = await newSubmission();
    expect(d).toMatchObject({ status: 1, channel: 2, ownerCccd: AN, agencyId: '001.29.00.H34', code: null });
    expect(typeof d.submittedAt).toBe('string');
  });

  it('refuses any dossier state from a device with "Cập nhật", storing nothing', async () => {
    const d = await newSubmission();
    const moved = { ...d, agencyId: '001.29.00.H64', status: 2, _deleted: false };
    const response = await push(t, tokens[AN]!, 'dossiers', [{ assumedMasterState: { ...d, _deleted: false }, newDocumentState: moved }]);
    expect(response.status).toBe(426);
    expect(await errorCode(response)).toBe('app_outdated');
    expect((await pullOne(t, tokens[AN]!, 'dossiers', d.id)).agencyId).toBe('001.29.00.H34');
  });

  it("keeps a citizen's edit of a received dossier as refused, listed for the desk, and changes nothing of it", async () => {
    const d = await newSubmission();
    const desk = testDevice(t);
    await desk.act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE() });
    const received = await pullOne(t, tokens[AN]!, 'dossiers', d.id);
    const late = await testDevice(t).act(...as(AN), received, {
      type: 'editContent', changes: contentEdit(received, (c) => ({ ...c, applicant: { ...c.applicant, address: 'Nơi khác' } })),
    });
    expect(late.status).toBe(200);
    expect(late.stored?.outcome).toMatchObject({ status: 'refused', code: 'content_refused' });
    const after = await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id);
    expect((after.applicant as { address: string }).address).toBe('Đắk La');
    expect(after.conflicts).toEqual([expect.objectContaining({ eventId: late.event.id, by: 'Nguyễn Văn An' })]);
  });

  it('refuses an action key no rule reads (agencyId on an edit) and keeps it as refused', async () => {
    const d = await newSubmission();
    const answer = await testDevice(t).act(...as(AN), d, { type: 'editContent', agencyId: '001.29.00.H64' } as never);
    expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'invalid_action' });
    expect((await pullOne(t, tokens[AN]!, 'dossiers', d.id)).agencyId).toBe('001.29.00.H34');
  });

  it("takes the actor from the token: an event in another person's name, or with an outcome, stores nothing", async () => {
    const d = await newSubmission();
    const [token, user] = as('chuyenvien.dakla');
    const impostor = await testDevice(t).act(token, user, d, { type: 'receive', dueAt: DUE() }, {
      event: { actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' } },
    });
    expect(impostor.status).toBe(403);
    const forged = await testDevice(t).act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE() }, {
      event: { outcome: { status: 'applied', reason: '', code: '', fromStatus: 1, toStatus: 2, at: new Date().toISOString() } },
    });
    expect(forged.status).toBe(403);
    expect((await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id)).status).toBe(1);
  });

  it("refuses a citizen's action on another person's dossier whole, and a desk's on another commune's", async () => {
    const d = await newSubmission();
    const other = await testDevice(t).act(...as(BINH), d, { type: 'requestWithdrawal', reason: 'Không cần nữa' });
    expect(other.status).toBe(403);
    const mar = await testDevice(t).act(...as('motcua.dakmar'), d, { type: 'receive', dueAt: DUE() });
    expect(mar.status).toBe(403);
    expect((await pullAll(t, tokens['motcua.dakla']!, 'events')).some((e) => e.id === other.event.id || e.id === mar.event.id)).toBe(false);
  });

  it('two officers offline move one dossier: the later move is kept as refused with its author, then set aside', async () => {
    const d = await newSubmission();
    const desk = testDevice(t);
    await desk.act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE() });
    await desk.act(...as('motcua.dakla'), await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id), { type: 'startProcessing', stepIndex: 1 });
    const processing = await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id);
    // Both offline on the same state: the desk asks for a supplement, the specialist forwards to the chairman.
    const asked = await desk.act(...as('motcua.dakla'), processing, { type: 'requestSupplement', reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] });
    const forwarded = await testDevice(t).act(...as('chuyenvien.dakla'), processing, { type: 'moveStep', stepIndex: 2, assigneeId: 'u-chutich.dakla' });
    expect(asked.stored?.outcome).toMatchObject({ status: 'applied', fromStatus: 4, toStatus: 5 });
    expect(forwarded.stored?.outcome).toMatchObject({ status: 'refused', code: 'transition_refused' });
    const after = await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id);
    expect(after).toMatchObject({ status: 5, stepIndex: 1 });
    expect(after.conflicts).toEqual([expect.objectContaining({ eventId: forwarded.event.id, action: 'Chuyển bước', by: 'Lê Văn Cường' })]);
    const settled = await desk.act(...as('motcua.dakla'), after, { type: 'resolveConflict', eventId: forwarded.event.id, decision: 'setAside', comment: 'Chờ bổ sung' });
    expect(settled.stored?.outcome?.status).toBe('applied');
    expect((await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id)).conflicts).toEqual([]);
    // Nothing disappeared: the refused forward stays in the history beside what was applied.
    const history = (await pullAll(t, tokens['motcua.dakla']!, 'events')).filter((e) => e.dossierId === d.id);
    const refused = history.filter((e) => (e.outcome as { status: string }).status === 'refused').map((e) => e.id);
    expect(refused).toEqual([forwarded.event.id]);
    expect(history.some((e) => e.id === settled.event.id)).toBe(true);
  });

  it('answers a retried push with the stored event, applying it once', async () => {
    const d = await newSubmission();
    const desk = testDevice(t);
    const first = await desk.act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE() });
    const again = await t.call('POST', '/api/sync/events/push', {
      token: tokens['motcua.dakla'], headers: { 'X-Device-Id': desk.deviceId },
      body: [{ assumedMasterState: null, newDocumentState: { ...first.event, _deleted: false } }],
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual([first.stored]);
    const after = await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id);
    expect(after.status).toBe(2);
    expect(after.code).toMatch(/-\d{6}-\d{4}$/);
  });

  it('refuses an event whose type does not say what its action does (no "rejected" message for an edit)', async () => {
    const d = await newSubmission();
    const answer = await testDevice(t).act(...as(AN), d, { type: 'requestWithdrawal', reason: 'x' }, { event: { type: 'v1.DossierRejected' } });
    expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'event_mismatch' });
    expect((await pullOne(t, tokens[AN]!, 'dossiers', d.id)).status).toBe(1);
  });

  it("keeps officers' internal notes and officer-only fields off the citizen's device", async () => {
    const d = await newSubmission();
    const desk = testDevice(t);
    await desk.act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE(), comment: 'Đã nhận đủ giấy tờ' });
    await desk.act(...as('motcua.dakla'), await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id), { type: 'startProcessing', stepIndex: 1, assigneeId: 'u-chuyenvien.dakla' });
    const note = 'Ghi chú nội bộ: cần xác minh thêm với công an xã';
    await testDevice(t).act(...as('chuyenvien.dakla'), await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id), { type: 'moveStep', stepIndex: 2, assigneeId: 'u-chutich.dakla', comment: note });
    const officerView = (await pullAll(t, tokens['motcua.dakla']!, 'events')).filter((e) => e.dossierId === d.id);
    expect(officerView.some((e) => e.comment === note)).toBe(true);
    const citizenView = (await pullAll(t, tokens[AN]!, 'events')).filter((e) => e.dossierId === d.id);
    expect(citizenView.map((e) => e.type)).toEqual(expect.arrayContaining(officerView.map((e) => e.type)));
    expect(JSON.stringify(citizenView)).not.toContain('xác minh thêm');
    expect(citizenView.find((e) => e.type === 'v1.DossierReceived')?.comment).toBe('Đã nhận đủ giấy tờ');
    expect((await pullOne(t, tokens[AN]!, 'dossiers', d.id)).assigneeId).toBeNull();
    expect((await pullOne(t, tokens['motcua.dakla']!, 'dossiers', d.id)).assigneeId).toBe('u-chutich.dakla');
  });

  it('takes back, as already stored, an event a device pulled and sends back unchanged, its own or an officer’s as the citizen read it', async () => {
    const d = await newSubmission();
    const desk = testDevice(t);
    const received = await desk.act(...as('motcua.dakla'), d, { type: 'receive', dueAt: DUE(), comment: 'Ghi chú' });
    const maxBefore = await t.store.documents.maxSeq();
    const back = (token: string, doc: unknown) => push(t, token, 'events', [{ assumedMasterState: null, newDocumentState: doc }]);
    expect((await back(tokens['motcua.dakla']!, received.stored)).status).toBe(200);
    const asCitizen = (await pullAll(t, tokens[AN]!, 'events')).find((e) => e.id === received.event.id)!;
    expect((await back(tokens[AN]!, asCitizen)).status).toBe(200);
    expect(await t.store.documents.maxSeq()).toBe(maxBefore);
    // Changed, it is no longer what was pulled: refused whole.
    expect((await back(tokens[AN]!, { ...asCitizen, comment: 'Sửa' })).status).toBe(403);
  });
});
