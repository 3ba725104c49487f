/**
 * @module dossier/actions — the dossier reducer: (dossier, action, ctx) → { dossier, event }.
 *
 * @remarks Each action is one entry of {@link SPECS} (where it may start, the status it leads to)
 * and one of {@link HANDLERS} (the fields it sets, the event it records). The common part (transition
 * check, `updatedAt/By`, the event envelope) lives in {@link applyDossierAction}, so a new action is
 * one more entry in each table.
 *
 * Supplement requests return the dossier to where it was (TrangThaiTruoc): to 4 if processing had
 * started (`stepIndex ≥ 0`), else to 2. The previous status is also kept in the request event's
 * `data.previousStatus`.
 */
import { extendDueDate } from '../calendar/working-days.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Role } from '../schemas/event.schema.ts';
import * as workflow from './action-workflow.ts';
import * as identity from './action-review.ts';
import type { Outcome } from './action-workflow.ts';
import type { ActionContext, DossierAction, DossierActionType } from './action-types.ts';
import { DossierEventType, type UnchainedEvent } from './events.ts';
import { ACTIVE_STATUSES, ALL_STATUSES, DossierStatus as S, statusLabel, type DossierStatusCode } from './status.ts';
import { checkTransition } from './transitions.ts';
import { addFiles, decision, DossierActionError, isoInstant, stepIndex, text, TransitionError } from './action-input.ts';

export { createDossierDraft } from './draft.ts';
export { DossierActionError, TransitionError } from './action-input.ts';
export type { DraftInput } from './draft.ts';
export type { ActionContext, ComponentFiles, DossierAction, DossierActionType, RatingLevel } from './action-types.ts';
export { ratingLabel } from './action-workflow.ts';

type Handler<T extends DossierActionType> = (
  dossier: Dossier,
  action: Extract<DossierAction, { type: T }>,
  ctx: ActionContext,
) => Outcome;

/** The fee the desk charged for papers taken in person: only on a new dossier received at the desk. */
function deskFee(d: Dossier, fee: unknown): Dossier['fee'] {
  if (d.status !== S.Draft) throw new DossierActionError('Lệ phí chỉ được ghi khi tiếp nhận trực tiếp hồ sơ mới.', { field: 'fee' });
  const { amount, paid } = (fee ?? {}) as { amount?: unknown; paid?: unknown };
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 1e10 || (paid !== 'none' && paid !== 'cash' && paid !== 'pending')) {
    throw new DossierActionError('Lệ phí không hợp lệ.', { field: 'fee' });
  }
  return { amount, paid };
}

/** Where a dossier waiting for a supplement goes back to (TrangThaiTruoc). */
const resumeStatus = (d: Dossier): DossierStatusCode => (d.stepIndex >= 0 ? S.Processing : S.Received);

type Target = DossierStatusCode | ((d: Dossier) => DossierStatusCode);

interface Spec {
  from: readonly DossierStatusCode[];
  to: Target;
  label: string;
  /** For actions that keep the status: who may take them (status changes use the transition table). */
  roles?: readonly Role[];
}

const OFFICERS: readonly Role[] = ['receptionist', 'specialist', 'leader'];
const PEOPLE: readonly Role[] = ['citizen', ...OFFICERS];
const keep = (d: Dossier) => d.status as DossierStatusCode;

/**
 * Each action's source statuses, target status and Vietnamese name. Checked before the action's
 * own input, so a refused move is reported as such rather than as a missing reason.
 */
const SPECS: { [T in DossierActionType]: Spec } = {
  // A dossier that exists cannot be created again (`createDossier` makes new ones).
  create: { from: [], to: S.Draft, label: 'Tạo hồ sơ', roles: PEOPLE },
  // Which content each role may edit at which status is the content policy's (`content-policy.ts`).
  editContent: { from: ALL_STATUSES, to: keep, label: 'Cập nhật thông tin hồ sơ', roles: PEOPLE },
  submit: { from: [S.Draft], to: S.Submitted, label: 'Nộp hồ sơ' },
  receive: { from: [S.Draft, S.Submitted], to: S.Received, label: 'Tiếp nhận hồ sơ' },
  reject: { from: [S.Submitted, S.Received, S.SupplementRequested], to: S.Rejected, label: 'Từ chối' },
  requestSupplement: { from: [S.Submitted, S.Received, S.Processing], to: S.SupplementRequested, label: 'Yêu cầu bổ sung' },
  supplement: { from: [S.SupplementRequested], to: S.SupplementRequested, label: 'Bổ sung giấy tờ', roles: ['citizen', 'receptionist'] },
  acceptSupplement: { from: [S.SupplementRequested], to: resumeStatus, label: 'Nhận hồ sơ bổ sung' },
  startProcessing: { from: [S.Received], to: S.Processing, label: 'Chuyển xử lý' },
  moveStep: { from: [S.Processing], to: S.Processing, label: 'Chuyển bước' },
  returnStep: { from: [S.Processing], to: S.Processing, label: 'Trả lại bước trước' },
  attachResult: { from: [S.Processing], to: S.Processing, label: 'Tải lên kết quả', roles: ['specialist', 'leader'] },
  apologize: {
    from: [S.Received, S.Processing, S.AwaitingPayment],
    to: keep,
    label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    roles: OFFICERS,
  },
  rate: { from: [S.Returned], to: S.Returned, label: 'Đánh giá mức độ hài lòng', roles: ['citizen'] },
  requestPayment: { from: [S.Processing], to: S.AwaitingPayment, label: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  confirmPayment: { from: [S.AwaitingPayment], to: S.Processing, label: 'Xác nhận đã nộp phí' },
  resolve: { from: [S.Processing], to: S.Resolved, label: 'Phê duyệt kết quả' },
  returnResult: { from: [S.Resolved], to: S.Returned, label: 'Trả kết quả' },
  requestWithdrawal: { from: ACTIVE_STATUSES, to: S.WithdrawalRequested, label: 'Yêu cầu rút hồ sơ' },
  confirmWithdrawal: { from: [S.WithdrawalRequested], to: S.Stopped, label: 'Xác nhận rút hồ sơ' },
  stop: { from: [S.Processing], to: S.Stopped, label: 'Dừng xử lý' },
  checkIdentity: {
    from: [S.Draft, S.Submitted, S.Received, S.Processing, S.SupplementRequested, S.AwaitingPayment, S.WithdrawalRequested, S.Resolved],
    to: keep,
    label: 'Kiểm tra thông tin công dân',
    roles: ['receptionist'],
  },
  resolveConflict: { from: ALL_STATUSES, to: keep, label: 'Xem xét thao tác bị từ chối', roles: OFFICERS },
  storeResult: { from: [S.Processing, S.Resolved, S.Returned], to: keep, label: 'Lưu kết quả vào kho dữ liệu điện tử', roles: OFFICERS },
};

/** Vietnamese name of an action, for buttons and messages. */
export function actionLabel(type: DossierActionType): string {
  return SPECS[type].label;
}

/** True when `type` is an action this reducer knows. */
export function isDossierActionType(type: unknown): type is DossierActionType {
  return typeof type === 'string' && Object.hasOwn(SPECS, type);
}

/** The status `action` would move `dossier` to (without checking whether it may). */
export function targetStatus(dossier: Dossier, type: DossierActionType): DossierStatusCode {
  const t = SPECS[type].to;
  return typeof t === 'function' ? t(dossier) : t;
}

const HANDLERS: { [T in DossierActionType]: Handler<T> } = {
  create: () => {
    throw new DossierActionError('Hồ sơ mới được tạo bằng createDossier.');
  },
  editContent: (_d, a) => ({ patch: {}, eventType: DossierEventType.ContentEdited, data: {}, comment: a.comment }),
  submit: (_d, a, ctx) => ({
    patch: { submittedAt: ctx.now.toISOString() },
    eventType: DossierEventType.Submitted,
    data: {},
    comment: a.comment,
  }),
  receive: (d, a, ctx) => {
    const dueAt = isoInstant(a.dueAt, 'Ngày hẹn trả');
    const code = a.code ?? d.code;
    const provisionalCode = a.provisionalCode === undefined ? d.provisionalCode : text(a.provisionalCode, 'mã tạm', 64);
    const fee = a.fee === undefined ? d.fee : deskFee(d, a.fee);
    return {
      patch: { receivedAt: ctx.now.toISOString(), dueAt, code, provisionalCode, fee, submittedAt: d.submittedAt ?? ctx.now.toISOString() },
      eventType: DossierEventType.Received,
      data: { code, dueAt },
      comment: a.comment,
    };
  },
  reject: (_d, a, ctx) => {
    const reason = text(a.reason, 'lý do từ chối');
    return {
      patch: { decision: decision('reject', reason, [], ctx), finishedAt: ctx.now.toISOString() },
      eventType: DossierEventType.Rejected,
      data: { reason },
      comment: reason,
    };
  },
  requestSupplement: (d, a, ctx) => {
    const reason = text(a.reason, 'lý do yêu cầu bổ sung');
    if (!Array.isArray(a.items) || a.items.length === 0) throw new DossierActionError('Cần nêu ít nhất một giấy tờ phải bổ sung.');
    if (a.items.length > 50) throw new DossierActionError('Danh sách giấy tờ bổ sung quá dài (tối đa 50).');
    const items = a.items.map((i) => text(i, 'tên giấy tờ cần bổ sung', 500));
    return {
      patch: { decision: decision('supplement', reason, items, ctx), previousStatus: d.status },
      eventType: DossierEventType.SupplementRequested,
      data: { reason, items, previousStatus: d.status },
      comment: reason,
    };
  },
  supplement: (d, a) => ({
    patch: { components: addFiles(d.components, a.components ?? []) },
    eventType: DossierEventType.SupplementProvided,
    data: { components: (a.components ?? []).map((c) => ({ id: c.id, fileIds: c.fileIds })) },
    comment: a.comment,
  }),
  acceptSupplement: (d, a, ctx) => {
    const to = resumeStatus(d);
    const patch: Partial<Dossier> = { previousStatus: null };
    if (a.dueAt !== undefined) patch.dueAt = isoInstant(a.dueAt, 'Ngày hẹn trả');
    else if (d.dueAt !== null && d.decision?.kind === 'supplement') {
      // The time the citizen took does not count against the agency: push the date back by it.
      patch.dueAt = extendDueDate(new Date(d.dueAt), new Date(d.decision.at), ctx.now).toISOString();
    }
    if (to === S.Received && d.receivedAt === null) {
      // Supplement asked before reception (1 → 5): accepting it is the reception.
      if (a.dueAt === undefined) throw new DossierActionError('Cần ngày hẹn trả khi tiếp nhận hồ sơ đã bổ sung.');
      patch.receivedAt = ctx.now.toISOString();
      patch.code = a.code ?? d.code;
    }
    return { patch, eventType: DossierEventType.SupplementAccepted, data: { resumedTo: to, ...patch }, comment: a.comment };
  },
  startProcessing: (_d, a) => {
    const step = stepIndex(a.stepIndex ?? 0);
    return {
      patch: { stepIndex: step, assigneeId: a.assigneeId ?? null },
      eventType: DossierEventType.ProcessingStarted,
      data: { stepIndex: step, assigneeId: a.assigneeId ?? null, fileIds: workflow.fileIdList(a.fileIds) },
      comment: a.comment,
    };
  },
  moveStep: workflow.moveStep,
  returnStep: workflow.returnStep,
  attachResult: workflow.attachResult,
  apologize: workflow.apologize,
  rate: workflow.rate,
  requestPayment: (_d, a) => {
    if (typeof a.amount !== 'number' || !Number.isFinite(a.amount) || a.amount < 0) {
      throw new DossierActionError(`Số tiền không hợp lệ: ${String(a.amount)}.`);
    }
    return {
      patch: { fee: { amount: a.amount, paid: 'pending' } },
      eventType: DossierEventType.PaymentRequested,
      data: { amount: a.amount },
      comment: a.comment,
    };
  },
  confirmPayment: (d, a, ctx) => {
    if (a.method !== 'cash' && a.method !== 'online') throw new DossierActionError(`Hình thức nộp phí không hợp lệ: ${String(a.method)}.`);
    // Cash is taken at the desk: only an officer says it was paid.
    if (a.method === 'cash' && ctx.actor.role === 'citizen') throw new DossierActionError('Nộp tiền mặt do cán bộ một cửa xác nhận.');
    return {
      patch: { fee: { amount: d.fee.amount, paid: a.method } },
      eventType: DossierEventType.PaymentConfirmed,
      data: { method: a.method, amount: d.fee.amount },
      comment: a.comment,
    };
  },
  resolve: (d, a, ctx) => {
    const step = a.stepIndex === undefined ? d.stepIndex : stepIndex(a.stepIndex);
    return {
      patch: { finishedAt: ctx.now.toISOString(), stepIndex: step, ...workflow.signResult(d, ctx, a.signedFileIds) },
      eventType: DossierEventType.Resolved,
      data: { stepIndex: step },
      comment: a.comment,
    };
  },
  returnResult: (d, a, ctx) => ({
    patch: { returnedAt: ctx.now.toISOString(), returnMethod: a.method ?? d.returnMethod },
    eventType: DossierEventType.ResultReturned,
    data: { method: a.method ?? d.returnMethod },
    comment: a.comment,
  }),
  requestWithdrawal: (_d, a, ctx) => {
    const reason = text(a.reason, 'lý do rút hồ sơ');
    return {
      patch: { decision: decision('withdraw', reason, [], ctx) },
      eventType: DossierEventType.WithdrawalRequested,
      data: { reason },
      comment: reason,
    };
  },
  confirmWithdrawal: (_d, a, ctx) => ({
    patch: { finishedAt: ctx.now.toISOString() },
    eventType: DossierEventType.Withdrawn,
    data: {},
    comment: a.comment,
  }),
  stop: (_d, a, ctx) => {
    const reason = text(a.reason, 'lý do dừng xử lý');
    return {
      patch: { decision: decision('stop', reason, [], ctx), finishedAt: ctx.now.toISOString() },
      eventType: DossierEventType.Stopped,
      data: { reason },
      comment: reason,
    };
  },
  checkIdentity: identity.checkIdentity,
  resolveConflict: identity.resolveConflict,
  storeResult: identity.storeResult,
};

const ROLE_WORDS: Record<Role, string> = {
  citizen: 'công dân',
  receptionist: 'cán bộ một cửa',
  specialist: 'chuyên viên xử lý',
  leader: 'lãnh đạo',
  admin: 'quản trị hệ thống',
  system: 'hệ thống',
};

/** Why `role` may not take `type` on `dossier` (Vietnamese), or null when it may. */
export function refusalOf(dossier: Dossier, type: DossierActionType, role: Role): string | null {
  const spec = SPECS[type];
  const from = dossier.status as DossierStatusCode;
  if (!spec.from.includes(from)) return `Không thể "${spec.label}" khi hồ sơ đang ở trạng thái «${statusLabel(from)}».`;
  if (spec.roles) {
    if (spec.roles.includes(role)) return null;
    const who = spec.roles.map((r) => ROLE_WORDS[r]).join(' hoặc ');
    return `Chỉ ${who} được "${spec.label}".`;
  }
  const check = checkTransition({ from, to: targetStatus(dossier, type), role });
  return check.ok ? null : check.reason;
}

/** True when `role` may take `type` on `dossier` now (its input aside): for showing buttons. */
export function canApply(dossier: Dossier, type: DossierActionType, role: Role): boolean {
  return refusalOf(dossier, type, role) === null;
}

/**
 * Applies one action: checks it against the state machine for `ctx.actor.role`, returns the new
 * dossier and the event to record (not yet chained, see `chainEvent`). Pure: the input is not touched.
 *
 * @throws TransitionError when the role may not make this move from the current status.
 * @throws DossierActionError when the action is malformed.
 * @example applyDossierAction(d, { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' }, ctx)
 */
export function applyDossierAction(
  dossier: Dossier,
  action: DossierAction,
  ctx: ActionContext,
): { dossier: Dossier; event: UnchainedEvent } {
  const type: unknown = (action as { type?: unknown } | null)?.type;
  if (!isDossierActionType(type)) throw new DossierActionError(`Thao tác không hợp lệ: ${String(type)}.`);
  const handler = HANDLERS[action.type] as Handler<DossierActionType>;
  const from = dossier.status as DossierStatusCode;
  const to = targetStatus(dossier, action.type);
  const refusal = refusalOf(dossier, action.type, ctx.actor.role);
  if (refusal) throw new TransitionError(refusal, { from, to, role: ctx.actor.role, action: action.type });
  const outcome = handler(dossier, action, ctx);
  const next: Dossier = {
    ...dossier,
    ...outcome.patch,
    status: to,
    updatedAt: ctx.now.getTime(),
    updatedBy: ctx.actor.userId,
  };
  const event: UnchainedEvent = {
    id: ctx.eventId,
    dossierId: dossier.id,
    agencyId: dossier.agencyId,
    ownerCccd: dossier.ownerCccd,
    type: outcome.eventType,
    fromStatus: from,
    toStatus: to,
    actor: { ...ctx.actor },
    deviceId: ctx.deviceId,
    at: ctx.now.toISOString(),
    comment: outcome.comment ?? '',
    data: outcome.data,
  };
  return { dossier: next, event };
}
