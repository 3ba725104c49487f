import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../calendar/working-days.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { DossierAction } from './action-types.ts';
import { applyDossierAction, canApply, DossierActionError, refusalOf, TransitionError } from './actions.ts';
import { actors, ctx, draft, khaiSinh } from './fixtures.test-helpers.ts';
import { isOverdue } from './overdue.ts';
import { currentStep, isDueSoon, nextStepIndex, roleOnTurn, sortIntoQueues, stepName } from './workflow.ts';

const DUE = '2026-03-10T02:00:00.000Z';
const wf = khaiSinh.workflow;

function run(d: Dossier, steps: [keyof typeof actors, DossierAction, string?][]): Dossier {
  for (const [who, action, at] of steps) d = applyDossierAction(d, action, ctx(actors[who], at)).dossier;
  return d;
}

const processing = (): Dossier => run(draft(), [
  ['citizen', { type: 'submit' }],
  ['receptionist', { type: 'receive', dueAt: DUE }],
  ['receptionist', { type: 'startProcessing', stepIndex: 1, comment: 'Chuyển chuyên viên' }],
]);

describe('the workflow from the specialist to the citizen’s rating', () => {
  it('goes through every step, back once, and ends rated', () => {
    let d = processing();
    expect(currentStep(d, wf)?.role).toBe('specialist');
    const attached = applyDossierAction(d, { type: 'attachResult', name: 'Giấy khai sinh', fileIds: ['f-kq'], number: '12/2026' }, ctx(actors.specialist));
    expect(attached.event.type).toBe('v1.ResultAttached');
    d = attached.dossier;
    const moved = applyDossierAction(d, { type: 'moveStep', stepIndex: 2, comment: 'Đủ điều kiện', fileIds: ['f-tt'] }, ctx(actors.specialist));
    expect(moved.event).toMatchObject({ type: 'v1.StepMoved', comment: 'Đủ điều kiện', data: { fromStep: 1, stepIndex: 2, fileIds: ['f-tt'] } });
    d = moved.dossier;
    expect(roleOnTurn(d, wf)).toBe('leader');
    const back = applyDossierAction(d, { type: 'returnStep', stepIndex: 1, reason: 'Ghi sai ngày sinh' }, ctx(actors.leader));
    expect(back.event).toMatchObject({ type: 'v1.StepReturned', comment: 'Ghi sai ngày sinh', fromStatus: 4, toStatus: 4 });
    d = run(back.dossier, [
      ['specialist', { type: 'moveStep', stepIndex: 2, comment: 'Đã sửa' }],
      ['leader', { type: 'resolve', stepIndex: 3, comment: 'Đồng ý' }],
    ]);
    expect(d).toMatchObject({ status: 9, stepIndex: 3, result: { signedBy: 'Y Blong', fileIds: ['f-kq'] } });
    expect(stepName(d, wf)).toBe('Bộ phận Một cửa trả kết quả');
    d = run(d, [['receptionist', { type: 'returnResult', method: 'post' }]]);
    expect(d).toMatchObject({ status: 10, returnMethod: 'post' });
    const rated = applyDossierAction(d, { type: 'rate', level: 'hai_long', comment: ' Tốt ' }, ctx(actors.citizen));
    expect(rated.dossier.rating).toMatchObject({ level: 'hai_long', comment: 'Tốt' });
    expect(rated.event).toMatchObject({ type: 'v1.DossierRated', fromStatus: 10, toStatus: 10 });
  });

  it('replaces the result files with the copies the leader signed on approval', () => {
    const d = run(processing(), [
      ['specialist', { type: 'attachResult', name: 'Giấy khai sinh', fileIds: ['f-kq'] }],
      ['specialist', { type: 'moveStep', stepIndex: 2, comment: 'Trình ký' }],
    ]);
    const signed = applyDossierAction(d, { type: 'resolve', stepIndex: 3, signedFileIds: ['f-kq-da-ky'] }, ctx(actors.leader));
    expect(signed.dossier.result).toMatchObject({ fileIds: ['f-kq-da-ky'], signedBy: 'Y Blong' });
    expect(() => applyDossierAction(d, { type: 'resolve', signedFileIds: [] }, ctx(actors.leader))).toThrow(DossierActionError);
  });

  it('refuses each step to the roles that do not own it', () => {
    const d = processing();
    expect(() => applyDossierAction(d, { type: 'attachResult', name: 'KQ', fileIds: ['f'] }, ctx(actors.receptionist))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'attachResult', name: 'KQ', fileIds: ['f'] }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'moveStep', stepIndex: 2 }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'returnStep', stepIndex: 0, reason: 'x' }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'resolve' }, ctx(actors.specialist))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'stop', reason: 'x' }, ctx(actors.receptionist))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'rate', level: 'hai_long' }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(refusalOf(d, 'attachResult', 'receptionist')).toBe('Chỉ chuyên viên xử lý hoặc lãnh đạo được "Tải lên kết quả".');
    expect(canApply(d, 'moveStep', 'specialist')).toBe(true);
    expect(canApply(d, 'confirmWithdrawal', 'receptionist')).toBe(false);
  });

  it('only the citizen rates, only after the result is returned, on the three-level scale', () => {
    const done = run(processing(), [['leader', { type: 'resolve' }], ['receptionist', { type: 'returnResult', method: 'desk' }]]);
    for (const who of ['receptionist', 'specialist', 'leader', 'admin', 'system'] as const) {
      expect(() => applyDossierAction(done, { type: 'rate', level: 'hai_long' }, ctx(actors[who]))).toThrow(TransitionError);
    }
    expect(() => applyDossierAction(done, { type: 'rate', level: 'binh_thuong' as 'hai_long' }, ctx(actors.citizen))).toThrow(DossierActionError);
  });

  it('moves forward with "Chuyển bước" and back with "Trả lại bước trước", never the other way', () => {
    const d = processing();
    expect(() => applyDossierAction(d, { type: 'moveStep', stepIndex: 1 }, ctx(actors.specialist))).toThrow(DossierActionError);
    expect(() => applyDossierAction(d, { type: 'returnStep', stepIndex: 2, reason: 'x' }, ctx(actors.specialist))).toThrow(DossierActionError);
    expect(() => applyDossierAction(d, { type: 'returnStep', stepIndex: 0, reason: ' ' }, ctx(actors.specialist))).toThrow(DossierActionError);
    expect(() => applyDossierAction(d, { type: 'attachResult', name: 'KQ', fileIds: [] }, ctx(actors.specialist))).toThrow(DossierActionError);
    expect(nextStepIndex(d, wf)).toBe(2);
    expect(nextStepIndex({ stepIndex: 3 }, wf)).toBeNull();
  });

  it('withdrawal: the citizen asks, only the desk confirms', () => {
    const asked = run(processing(), [['citizen', { type: 'requestWithdrawal', reason: 'Không còn nhu cầu' }]]);
    expect(roleOnTurn(asked, wf)).toBe('receptionist');
    for (const who of ['citizen', 'specialist', 'leader'] as const) {
      expect(() => applyDossierAction(asked, { type: 'confirmWithdrawal' }, ctx(actors[who]))).toThrow(TransitionError);
    }
    expect(applyDossierAction(asked, { type: 'confirmWithdrawal' }, ctx(actors.receptionist)).dossier.status).toBe(8);
  });
});

describe('apology with a new date', () => {
  it('keeps dueAt for the metrics and records the new date', () => {
    const late = processing();
    const r = applyDossierAction(late, { type: 'apologize', reason: 'Cần xác minh', newDueAt: '2026-03-13T02:00:00.000Z' }, ctx(actors.specialist, '2026-03-10T03:00:00.000Z'));
    expect(r.dossier.dueAt).toBe(DUE);
    expect(r.dossier.apology).toMatchObject({ newDueAt: '2026-03-13T02:00:00.000Z', by: 'Lê Văn Cường', reason: 'Cần xác minh' });
    expect(r.event).toMatchObject({ type: 'v1.ApologyIssued', data: { dueAt: DUE } });
    expect(isOverdue(r.dossier, new Date('2026-03-11T00:00:00.000Z'))).toBe(true);
  });

  it('is refused to the citizen, and for a date not after the first promise', () => {
    const d = processing();
    expect(() => applyDossierAction(d, { type: 'apologize', reason: 'x', newDueAt: '2026-03-13T02:00:00.000Z' }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(() => applyDossierAction(d, { type: 'apologize', reason: 'x', newDueAt: DUE }, ctx(actors.receptionist))).toThrow(DossierActionError);
    const done = run(d, [['leader', { type: 'resolve' }]]);
    expect(() => applyDossierAction(done, { type: 'apologize', reason: 'x', newDueAt: '2026-03-13T02:00:00.000Z' }, ctx(actors.leader))).toThrow(TransitionError);
  });
});

describe('deadlines in working days', () => {
  it('skip Tết 2026 and the weekends around it', () => {
    // Received Thursday 12/02/2026 09:00 (Vietnam): Fri 13, then Tết 14–22/02, then Mon 23, Tue 24.
    const received = new Date('2026-02-12T02:00:00.000Z');
    const due = computeDueDate(received, { value: 3, unit: 'working_days' });
    expect(due.toISOString()).toBe('2026-02-24T02:00:00.000Z');
    const d = draft({ status: 4, stepIndex: 1, receivedAt: received.toISOString(), dueAt: due.toISOString() });
    expect(isOverdue(d, new Date('2026-02-19T02:00:00.000Z'))).toBe(false);
    expect(isOverdue(d, new Date('2026-02-24T01:59:00.000Z'))).toBe(false);
    expect(isOverdue(d, new Date('2026-02-24T02:01:00.000Z'))).toBe(true);
    // Monday afternoon, one working morning left: due soon, even though the weekend and Tết passed.
    expect(isDueSoon(d, new Date('2026-02-23T07:00:00.000Z'))).toBe(true);
    expect(isDueSoon(d, new Date('2026-02-13T02:00:00.000Z'))).toBe(false);
  });

  it('exclude the time the dossier waited for the citizen’s supplement, weekend included', () => {
    // Received Thu 05/03 09:00, due Tue 10/03 09:00. Supplement asked Fri 06/03 09:00, accepted Mon 09/03 09:00:
    // one working day (Fri 09:00 → Mon 09:00, the weekend not counted) is added: due Wed 11/03 09:00.
    const received = new Date('2026-03-05T02:00:00.000Z');
    const due = computeDueDate(received, { value: 3, unit: 'working_days' }).toISOString();
    expect(due).toBe('2026-03-10T02:00:00.000Z');
    let d = run(draft(), [
      ['citizen', { type: 'submit' }, '2026-03-05T01:00:00.000Z'],
      ['receptionist', { type: 'receive', dueAt: due }, received.toISOString()],
      ['receptionist', { type: 'startProcessing', stepIndex: 1 }, '2026-03-05T03:00:00.000Z'],
      ['specialist', { type: 'requestSupplement', reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] }, '2026-03-06T02:00:00.000Z'],
    ]);
    expect(d).toMatchObject({ status: 5, previousStatus: 4 });
    expect(isOverdue(d, new Date('2026-03-20T00:00:00.000Z'))).toBe(false);
    d = run(d, [
      ['citizen', { type: 'supplement', components: [{ id: d.components[0]!.id, fileIds: ['f-bs'] }] }, '2026-03-08T02:00:00.000Z'],
      ['receptionist', { type: 'acceptSupplement' }, '2026-03-09T02:00:00.000Z'],
    ]);
    expect(d).toMatchObject({ status: 4, stepIndex: 1, previousStatus: null, dueAt: '2026-03-11T02:00:00.000Z' });
  });
});

describe('queues', () => {
  const procedures = new Map([[khaiSinh.id, khaiSinh]]);
  const now = new Date('2026-03-10T03:00:00.000Z'); // Tue 10:00
  const mk = (id: string, o: Partial<Dossier>) => draft({ id, procedureId: khaiSinh.id, ...o });
  const dossiers = [
    mk('a', { status: 4, stepIndex: 1, dueAt: '2026-03-09T02:00:00.000Z' }), // overdue, specialist
    mk('b', { status: 4, stepIndex: 2, dueAt: '2026-03-10T09:00:00.000Z' }), // due today, leader
    mk('c', { status: 9, stepIndex: 3, dueAt: '2026-03-12T02:00:00.000Z', finishedAt: '2026-03-09T02:00:00.000Z' }),
    mk('d', { status: 2, stepIndex: -1, dueAt: '2026-03-20T02:00:00.000Z' }),
    mk('e', { status: 10, dueAt: '2026-03-01T02:00:00.000Z', finishedAt: '2026-03-02T02:00:00.000Z' }),
  ];

  it('put each dossier where each role works on it', () => {
    const ids = (l: Dossier[]) => l.map((d) => d.id);
    const spec = sortIntoQueues({ dossiers, procedures, role: 'specialist', now });
    expect(ids(spec.todo)).toEqual(['a']);
    expect(ids(spec.overdue)).toEqual(['a']);
    expect(ids(spec.dueSoon)).toEqual(['b']);
    expect(ids(spec.awaitingReturn)).toEqual(['c']);
    expect(ids(sortIntoQueues({ dossiers, procedures, role: 'leader', now }).todo)).toEqual(['b']);
    expect(ids(sortIntoQueues({ dossiers, procedures, role: 'receptionist', now }).todo)).toEqual(['d']);
  });
});
