import { describe, expect, it } from 'vitest';
import { ModelError } from '../errors.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { DossierAction } from './action-types.ts';
import { applyDossierAction, DossierActionError, TransitionError } from './actions.ts';
import { DossierEventType } from './events.ts';
import { actors, ctx, draft, khaiSinh } from './fixtures.test-helpers.ts';

const DUE = '2026-03-03T10:00:00.000Z';

function run(d: Dossier, steps: [keyof typeof actors, DossierAction][]): Dossier {
  return steps.reduce((acc, [who, action]) => applyDossierAction(acc, action, ctx(actors[who])).dossier, d);
}

describe('createDossierDraft', () => {
  it('starts a draft with one empty slot per procedure component', () => {
    const d = draft();
    expect(d.status).toBe(0);
    expect(d.code).toBeNull();
    expect(d.procedureId).toBe('1.001193.000.00.00.H34');
    expect(d.procedureVersion).toBe('2025.1');
    expect(d.components.map((c) => c.id)).toEqual(khaiSinh.components.map((c) => c.id));
    expect(d.components.every((c) => c.fileIds.length === 0 && !c.reused)).toBe(true);
    expect(d.stepIndex).toBe(-1);
    expect(d.createdAt).toBe('2026-03-01T01:00:00.000Z');
  });
});

describe('applyDossierAction: reception', () => {
  it('submit → receive records who, when and the due date', () => {
    const c = ctx(actors.citizen, '2026-03-02T01:00:00.000Z');
    const submitted = applyDossierAction(draft(), { type: 'submit' }, c);
    expect(submitted.dossier.status).toBe(1);
    expect(submitted.dossier.submittedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(submitted.event).toMatchObject({
      id: c.eventId, type: DossierEventType.Submitted, fromStatus: 0, toStatus: 1, dossierId: 'd-1',
      agencyId: '001.29.00.H34', ownerCccd: '062099000123', deviceId: 'dev-1', actor: actors.citizen,
    });
    expect(submitted.event).not.toHaveProperty('hash');

    const received = applyDossierAction(submitted.dossier, { type: 'receive', dueAt: DUE, code: 'H34.29.2-260302-0001' }, ctx(actors.receptionist));
    expect(received.dossier).toMatchObject({ status: 2, dueAt: DUE, code: 'H34.29.2-260302-0001', updatedBy: 'u-hoa' });
    expect(received.dossier.receivedAt).toBe('2026-03-02T02:00:00.000Z');
    expect(received.event.type).toBe('v1.DossierReceived');
    expect(received.event.data).toEqual({ code: 'H34.29.2-260302-0001', dueAt: DUE });
  });

  it('leaves the code null for the server to assign', () => {
    const d = run(draft(), [['citizen', { type: 'submit' }], ['receptionist', { type: 'receive', dueAt: DUE }]]);
    expect(d.code).toBeNull();
  });

  it('in-person intake goes from draft straight to received', () => {
    const d = run(draft({ channel: 1 }), [['receptionist', { type: 'receive', dueAt: DUE }]]);
    expect(d.status).toBe(2);
    expect(d.submittedAt).toBe(d.receivedAt);
  });

  it('does not mutate its input', () => {
    const d = draft();
    const copy = structuredClone(d);
    applyDossierAction(d, { type: 'submit' }, ctx(actors.citizen));
    expect(d).toEqual(copy);
  });

  it('reject keeps the reason as the decision', () => {
    const d = run(draft(), [['citizen', { type: 'submit' }], ['receptionist', { type: 'reject', reason: 'Sai thủ tục' }]]);
    expect(d.status).toBe(3);
    expect(d.decision).toMatchObject({ kind: 'reject', reason: 'Sai thủ tục', items: [], by: 'Phạm Thị Hoa' });
    expect(d.finishedAt).not.toBeNull();
  });

  it('refuses an empty reason or item list', () => {
    const d = run(draft(), [['citizen', { type: 'submit' }]]);
    expect(() => applyDossierAction(d, { type: 'reject', reason: '  ' }, ctx(actors.receptionist))).toThrow(DossierActionError);
    expect(() => applyDossierAction(d, { type: 'requestSupplement', reason: 'Thiếu', items: [] }, ctx(actors.receptionist))).toThrow(/ít nhất một/);
    expect(() => applyDossierAction(d, { type: 'receive', dueAt: 'mai' }, ctx(actors.receptionist))).toThrow(/Ngày hẹn trả/);
  });

  it('throws TransitionError with code transition_refused and a Vietnamese message', () => {
    const d = draft();
    try {
      applyDossierAction(d, { type: 'receive', dueAt: DUE }, ctx(actors.citizen));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionError);
      expect(e).toBeInstanceOf(ModelError);
      expect((e as TransitionError).code).toBe('transition_refused');
      expect((e as Error).message).toContain('Công dân');
    }
  });
});

describe('supplement requests return to the previous status', () => {
  const items = ['Giấy chứng sinh'];

  it('2 → 5 → (citizen adds files) → 2', () => {
    let d = run(draft(), [
      ['citizen', { type: 'submit' }],
      ['receptionist', { type: 'receive', dueAt: DUE }],
    ]);
    const req = applyDossierAction(d, { type: 'requestSupplement', reason: 'Thiếu giấy chứng sinh', items }, ctx(actors.receptionist));
    expect(req.dossier.status).toBe(5);
    expect(req.dossier.decision).toMatchObject({ kind: 'supplement', items });
    expect(req.event.data).toMatchObject({ previousStatus: 2 });

    const added = applyDossierAction(req.dossier, {
      type: 'supplement', components: [{ id: 'giay-chung-sinh', fileIds: ['f-1'] }],
    }, ctx(actors.citizen));
    expect(added.dossier.status).toBe(5);
    expect(added.event).toMatchObject({ type: 'v1.SupplementProvided', fromStatus: 5, toStatus: 5 });
    expect(added.dossier.components.find((c) => c.id === 'giay-chung-sinh')?.fileIds).toEqual(['f-1']);

    d = applyDossierAction(added.dossier, { type: 'acceptSupplement' }, ctx(actors.receptionist)).dossier;
    expect(d.status).toBe(2);
  });

  it('4 → 5 → 4 keeps the workflow step', () => {
    const d = run(draft(), [
      ['citizen', { type: 'submit' }],
      ['receptionist', { type: 'receive', dueAt: DUE }],
      ['receptionist', { type: 'startProcessing', stepIndex: 1, assigneeId: 'u-cuong' }],
      ['specialist', { type: 'requestSupplement', reason: 'Thiếu', items }],
      ['receptionist', { type: 'acceptSupplement', dueAt: '2026-03-05T10:00:00.000Z' }],
    ]);
    expect(d).toMatchObject({ status: 4, stepIndex: 1, dueAt: '2026-03-05T10:00:00.000Z' });
  });

  it('1 → 5 → 2 is the reception and needs a due date', () => {
    const d = run(draft(), [
      ['citizen', { type: 'submit' }],
      ['receptionist', { type: 'requestSupplement', reason: 'Thiếu', items }],
    ]);
    expect(() => applyDossierAction(d, { type: 'acceptSupplement' }, ctx(actors.receptionist))).toThrow(/hẹn trả/);
    const ok = applyDossierAction(d, { type: 'acceptSupplement', dueAt: DUE }, ctx(actors.receptionist)).dossier;
    expect(ok).toMatchObject({ status: 2, dueAt: DUE });
    expect(ok.receivedAt).not.toBeNull();
  });

  it('only in status 5, only by the citizen or the desk, only to known components', () => {
    const d = run(draft(), [['citizen', { type: 'submit' }]]);
    expect(() => applyDossierAction(d, { type: 'supplement' }, ctx(actors.citizen))).toThrow(TransitionError);
    const waiting = run(d, [['receptionist', { type: 'requestSupplement', reason: 'Thiếu', items }]]);
    expect(() => applyDossierAction(waiting, { type: 'supplement' }, ctx(actors.leader))).toThrow(TransitionError);
    expect(() => applyDossierAction(waiting, { type: 'supplement', components: [{ id: 'x', fileIds: [] }] }, ctx(actors.citizen)))
      .toThrow(/không có thành phần "x"/);
  });
});

describe('processing to return', () => {
  const toProcessing = (): Dossier => run(draft(), [
    ['citizen', { type: 'submit' }],
    ['receptionist', { type: 'receive', dueAt: DUE }],
    ['system', { type: 'startProcessing' }],
  ]);

  it('steps, payment, resolve and return', () => {
    let d = toProcessing();
    expect(d).toMatchObject({ status: 4, stepIndex: 0 });
    d = run(d, [
      ['receptionist', { type: 'moveStep', stepIndex: 1, assigneeId: 'u-cuong' }],
      ['specialist', { type: 'requestPayment', amount: 8000 }],
    ]);
    expect(d).toMatchObject({ status: 6, fee: { amount: 8000, paid: 'pending' }, assigneeId: 'u-cuong' });
    d = run(d, [
      ['citizen', { type: 'confirmPayment', method: 'online' }],
      ['specialist', { type: 'moveStep', stepIndex: 2 }],
      ['leader', { type: 'resolve' }],
    ]);
    expect(d).toMatchObject({ status: 9, fee: { paid: 'online' }, stepIndex: 2 });
    expect(d.finishedAt).not.toBeNull();
    const r = applyDossierAction(d, { type: 'returnResult', method: 'desk' }, ctx(actors.receptionist));
    expect(r.dossier).toMatchObject({ status: 10, returnMethod: 'desk' });
    expect(r.event.type).toBe('v1.ResultReturned');
  });

  it('only the leader signs the result', () => {
    expect(() => applyDossierAction(toProcessing(), { type: 'resolve' }, ctx(actors.specialist))).toThrow(TransitionError);
  });

  it('refuses a bad step index or amount', () => {
    expect(() => applyDossierAction(toProcessing(), { type: 'moveStep', stepIndex: -1 }, ctx(actors.leader))).toThrow(DossierActionError);
    expect(() => applyDossierAction(toProcessing(), { type: 'requestPayment', amount: -5 }, ctx(actors.leader))).toThrow(DossierActionError);
  });

  it('stop records the reason', () => {
    const d = run(toProcessing(), [['leader', { type: 'stop', reason: 'Không đủ điều kiện' }]]);
    expect(d).toMatchObject({ status: 8, decision: { kind: 'stop', reason: 'Không đủ điều kiện' } });
  });

  it('withdrawal: citizen asks, desk confirms', () => {
    const asked = run(toProcessing(), [['citizen', { type: 'requestWithdrawal', reason: 'Không còn nhu cầu' }]]);
    expect(asked).toMatchObject({ status: 7, decision: { kind: 'withdraw' } });
    expect(() => applyDossierAction(asked, { type: 'confirmWithdrawal' }, ctx(actors.citizen))).toThrow(TransitionError);
    const done = applyDossierAction(asked, { type: 'confirmWithdrawal' }, ctx(actors.receptionist));
    expect(done.dossier.status).toBe(8);
    expect(done.event.type).toBe('v1.DossierWithdrawn');
  });

  it('refuses an unknown action type', () => {
    expect(() => applyDossierAction(draft(), { type: 'explode' } as unknown as DossierAction, ctx(actors.citizen))).toThrow(/Thao tác/);
  });
});
