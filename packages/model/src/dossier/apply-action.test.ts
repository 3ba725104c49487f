import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { listRefusal, pendingActions, takeIn, withPending } from './action-log.ts';
import type { WireAction } from './action-types.ts';
import { applyAction, type ApplyContext } from './apply-action.ts';
import { contentChange, contentOf, seedContent, withContent, type DossierContent } from './content.ts';
import { changedContentPaths } from './content-policy.ts';
import { actors, draft, khaiSinh } from './fixtures.test-helpers.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Actor, DossierEvent } from '../schemas/event.schema.ts';

const am = Automerge;
let n = 0;
const fresh = () => (++n).toString(16).padStart(32, '0');

function ctx(actor: Actor, extra: Partial<ApplyContext> = {}): ApplyContext {
  n += 1;
  return { actor, now: new Date('2026-03-02T02:00:00.000Z'), eventId: `ev-${n}`, deviceId: 'dev-1', dossierId: 'd-1', ...extra };
}

/** The change a device records for an edit of `d`'s content, with a fresh actor. */
function edit(d: Dossier, change: (c: DossierContent) => DossierContent): string[] {
  const base = withContent(am, d);
  const made = contentChange(am, base.content, change(contentOf(base)), fresh());
  return made ? [made] : [];
}

const newDraft = draft();
const seed = [seedContent(am, newDraft)];

describe('create', () => {
  it('builds the draft from the applier catalog and the device seed, owned by the account', () => {
    const r = applyAction(am, null, { type: 'create', agencyId: 'xa-dak-ha', procedureId: khaiSinh.id, changes: seed },
      ctx(actors.citizen, { procedure: khaiSinh, ownerCccd: '062099000123' }));
    expect(r.dossier).toMatchObject({ status: 0, channel: 2, agencyId: 'xa-dak-ha', ownerCccd: '062099000123', content: seed[0] });
    expect(r.dossier.applicant.fullName).toBe('Nguyễn Văn An');
    expect(r.event).toMatchObject({ type: 'v1.DossierCreated', fromStatus: 0, toStatus: 0 });
  });

  it('refuses a citizen filing for another person, a slot the procedure lacks, and a procedure not in the catalog', () => {
    const own = ctx(actors.citizen, { procedure: khaiSinh, ownerCccd: '062301000456' });
    expect(() => applyAction(am, null, { type: 'create', agencyId: 'a', procedureId: khaiSinh.id, changes: seed }, own))
      .toThrow(/chính mình/);
    const extra = draft({ components: [...newDraft.components, { ...newDraft.components[0]!, id: 'them' }] });
    const withSlot = [seedContent(am, extra)];
    expect(() => applyAction(am, null, { type: 'create', agencyId: 'a', procedureId: khaiSinh.id, changes: withSlot },
      ctx(actors.citizen, { procedure: khaiSinh, ownerCccd: '062099000123' }))).toThrow(/components\.\*/);
    expect(() => applyAction(am, null, { type: 'create', agencyId: 'a', procedureId: 'khong-co', changes: seed },
      ctx(actors.citizen, { procedure: null, ownerCccd: '062099000123' }))).toThrow(/danh mục/);
  });

  it('sets the channel from the role, never from the device', () => {
    const r = applyAction(am, null, { type: 'create', agencyId: 'a', procedureId: khaiSinh.id, channel: 2, changes: seed },
      ctx(actors.receptionist, { procedure: khaiSinh }));
    expect(r.dossier.channel).toBe(1);
    expect(() => applyAction(am, null, { type: 'create', agencyId: 'a', procedureId: khaiSinh.id, channel: 1, changes: seed },
      ctx(actors.citizen, { procedure: khaiSinh, ownerCccd: '062099000123' }))).toThrow(/trực tuyến/);
  });
});

describe('content edits follow the policy table', () => {
  const received = withContent(am, draft({ status: 2 }));
  it('a citizen edits their draft, not a received dossier', () => {
    const d0 = withContent(am, newDraft);
    const changes = edit(d0, (c) => ({ ...c, applicant: { ...c.applicant, phone: '0911222333' } }));
    expect(applyAction(am, d0, { type: 'editContent', changes }, ctx(actors.citizen)).dossier.applicant.phone).toBe('0911222333');
    const late = edit(received, (c) => ({ ...c, applicant: { ...c.applicant, phone: '0911222333' } }));
    expect(() => applyAction(am, received, { type: 'editContent', changes: late }, ctx(actors.citizen))).toThrow(/applicant\.phone/);
  });

  it('no one edits a refused (final) dossier', () => {
    const refused = withContent(am, draft({ status: 3 }));
    const changes = edit(refused, (c) => ({ ...c, summary: 'Sửa sau khi từ chối' }));
    for (const actor of [actors.citizen, actors.receptionist, actors.specialist, actors.leader]) {
      expect(() => applyAction(am, refused, { type: 'editContent', changes }, ctx(actor))).toThrow();
    }
  });

  it('a supplement adds files but may not tick the paper check', () => {
    const waiting = withContent(am, draft({ status: 5, stepIndex: -1, previousStatus: 2 }));
    const slot = waiting.components[0]!.id;
    const files = edit(waiting, (c) => ({ ...c, components: c.components.map((k) => (k.id === slot ? { ...k, fileIds: ['f-1'] } : k)) }));
    const ok = applyAction(am, waiting, { type: 'supplement', components: [{ id: slot, fileIds: ['f-1'] }], changes: files }, ctx(actors.citizen));
    expect(ok.dossier.components[0]!.fileIds).toEqual(['f-1']);
    const paper = edit(waiting, (c) => ({ ...c, components: c.components.map((k) => ({ ...k, paperReceived: true })) }));
    expect(() => applyAction(am, waiting, { type: 'supplement', changes: paper }, ctx(actors.citizen))).toThrow(/paperReceived/);
  });

  it('the content is what the changes make it, whatever the reducer patched', () => {
    const waiting = withContent(am, draft({ status: 5, previousStatus: 2 }));
    const slot = waiting.components[0]!.id;
    const r = applyAction(am, waiting, { type: 'supplement', components: [{ id: slot, fileIds: ['f-9'] }] }, ctx(actors.citizen));
    expect(r.dossier.components[0]!.fileIds).toEqual([]);
    expect(contentOf(r.dossier)).toEqual(contentOf(waiting));
  });

  it('refuses a change that depends on one the dossier does not hold, and keys an action does not have', () => {
    const d0 = withContent(am, newDraft);
    const first = edit(d0, (c) => ({ ...c, summary: 'Bản một' }));
    const local = applyAction(am, d0, { type: 'editContent', changes: first }, ctx(actors.citizen)).dossier;
    const second = edit(local, (c) => ({ ...c, summary: 'Bản hai' }));
    expect(() => applyAction(am, d0, { type: 'editContent', changes: second }, ctx(actors.citizen))).toThrow(/không có/);
    expect(() => applyAction(am, d0, { type: 'editContent', agencyId: 'khac' } as WireAction, ctx(actors.citizen))).toThrow(/agencyId/);
    expect(() => applyAction(am, d0, { type: 'editContent', changes: ['bm90IGF1dG9tZXJnZQ=='] }, ctx(actors.citizen))).toThrow(/Automerge/);
  });

  it('takes cash only from the desk', () => {
    const awaiting = withContent(am, draft({ status: 6, stepIndex: 1, fee: { amount: 8000, paid: 'pending' } }));
    expect(() => applyAction(am, awaiting, { type: 'confirmPayment', method: 'cash' }, ctx(actors.citizen))).toThrow(/cán bộ/);
    expect(applyAction(am, awaiting, { type: 'confirmPayment', method: 'cash' }, ctx(actors.receptionist)).dossier.fee.paid).toBe('cash');
  });

  it('reads paths by component slot', () => {
    const d0 = contentOf(newDraft);
    const slot = d0.components[1]!.id;
    const after = { ...d0, notify: { ...d0.notify, zalo: true }, components: d0.components.map((c) => (c.id === slot ? { ...c, reused: true } : c)) };
    expect(changedContentPaths(d0, after)).toEqual(['components.*.reused', 'notify.zalo']);
    expect(changedContentPaths(d0, { ...d0, components: d0.components.slice(1) })).toEqual(['components.*']);
  });
});

describe('the action log', () => {
  const chained = (event: { id: string }, seq: number, action: WireAction, actor: Actor = actors.receptionist): DossierEvent => ({
    id: event.id, dossierId: 'd-1', agencyId: 'a', ownerCccd: '062099000123', type: 'v1.X', fromStatus: 0, toStatus: 0, actor,
    deviceId: 'dev-1', deviceSeq: seq, at: '2026-03-02T03:00:00.000Z', comment: '', data: {}, prevHash: null, hash: '0'.repeat(64),
    action: action as DossierEvent['action'],
  });

  it('two officers move one dossier: the second move is refused, listed with its author, and nothing is lost', () => {
    const atDesk = withContent(am, draft({ status: 2 }));
    const supplement: WireAction = { type: 'requestSupplement', reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] };
    const applied = applyAction(am, atDesk, supplement, ctx(actors.receptionist)).dossier;
    const forward: WireAction = { type: 'startProcessing', stepIndex: 1 };
    expect(() => applyAction(am, applied, forward, ctx(actors.specialist))).toThrow(/Yêu cầu bổ sung/);
    const refusedEvent = chained({ id: 'ev-forward' }, 7, forward, actors.specialist);
    const kept = takeIn(listRefusal(applied, refusedEvent, 'Hồ sơ đã được yêu cầu bổ sung'), refusedEvent);
    expect(kept.conflicts).toEqual([expect.objectContaining({ eventId: 'ev-forward', by: 'Lê Văn Cường', action: 'Chuyển xử lý' })]);
    expect(kept.heads).toEqual([{ deviceId: 'dev-1', seq: 7 }]);
    const settled = applyAction(am, kept, { type: 'resolveConflict', eventId: 'ev-forward', decision: 'setAside', comment: 'Chờ bổ sung' },
      ctx(actors.receptionist)).dossier;
    expect(settled.conflicts).toEqual([]);
  });

  it('refuses a move made from a status the dossier has left, and takes status-keeping actions whatever it is', () => {
    const received = withContent(am, draft({ status: 2 }));
    const reject: WireAction = { type: 'reject', reason: 'Thiếu giấy chứng sinh' };
    expect(() => applyAction(am, received, reject, ctx(actors.receptionist, { seen: { fromStatus: 1, toStatus: 3 } }))).toThrow(/Được tiếp nhận/);
    expect(applyAction(am, received, reject, ctx(actors.receptionist, { seen: { fromStatus: 2, toStatus: 3 } })).dossier.status).toBe(3);
    const check: WireAction = { type: 'checkIdentity', source: 'card_visual' };
    expect(applyAction(am, received, check, ctx(actors.receptionist, { seen: { fromStatus: 1, toStatus: 1 } })).dossier.status).toBe(2);
  });

  it('a device shows its actions after its head on top of the server projection, once each', () => {
    const server = takeIn(withContent(am, draft({ status: 1 })), { deviceId: 'dev-1', deviceSeq: 3 });
    const events = [
      chained({ id: 'old' }, 3, { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' }),
      chained({ id: 'new' }, 4, { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' }),
      { ...chained({ id: 'other' }, 9, { type: 'reject', reason: 'x' }), deviceId: 'dev-2' },
    ];
    const pending = pendingActions(server, events, 'dev-1');
    expect(pending.map((e) => e.id)).toEqual(['new']);
    expect(withPending(am, server, pending).status).toBe(2);
    // Taken in meanwhile (the pull came before the answer to the push): shown once, not re-applied.
    const later = takeIn(withPending(am, server, pending), { deviceId: 'dev-1', deviceSeq: 4 });
    expect(pendingActions(later, events, 'dev-1')).toEqual([]);
  });

  it('keeps showing an applied action over a projection pulled before it was applied, and never a refused one', () => {
    const before = takeIn(withContent(am, draft({ status: 1 })), { deviceId: 'dev-1', deviceSeq: 3 });
    const receive: WireAction = { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' };
    const outcome = (status: 'applied' | 'refused') => ({ status, reason: '', code: '', fromStatus: 1, toStatus: 2, at: '2026-03-02T10:00:00.000Z' });
    const applied = { ...chained({ id: 'applied' }, 4, receive), outcome: outcome('applied') };
    expect(withPending(am, before, pendingActions(before, [applied], 'dev-1')).status).toBe(2);
    const refused = { ...chained({ id: 'refused' }, 4, receive), outcome: outcome('refused') };
    expect(pendingActions(before, [refused], 'dev-1')).toEqual([]);
  });
});
