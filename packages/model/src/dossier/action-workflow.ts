/**
 * @module dossier/action-workflow — the reducer's handlers for work inside processing that the
 * first set of actions did not cover: returning to an earlier step, the result file, the apology
 * with a new date, and the citizen's rating. See `actions.ts` for where they are wired in.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { ActionContext, DossierAction, RatingLevel } from './action-types.ts';
import { DossierActionError, isoInstant, stepIndex, text } from './action-input.ts';
import { DossierEventType, type DossierEventTypeName } from './events.ts';

/** What a handler returns: the fields it sets, the event it records. */
export interface Outcome {
  patch: Partial<Dossier>;
  eventType: DossierEventTypeName;
  data: Record<string, unknown>;
  comment?: string;
}

type Of<T extends DossierAction['type']> = Extract<DossierAction, { type: T }>;

const RATING_LEVELS: readonly RatingLevel[] = ['rat_hai_long', 'hai_long', 'khong_hai_long'];

/** A list of file ids (attachments), checked; `undefined` is an empty list. */
export function fileIdList(value: unknown, what = 'tệp đính kèm'): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 20 || value.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 64)) {
    throw new DossierActionError(`Danh sách ${what} không hợp lệ (tối đa 20 tệp).`, { field: 'fileIds' });
  }
  return [...new Set(value as string[])];
}

/** "Chuyển bước": forward only, with the processing opinion and attachments. */
export function moveStep(d: Dossier, a: Of<'moveStep'>): Outcome {
  const step = stepIndex(a.stepIndex);
  if (step <= d.stepIndex) {
    throw new DossierActionError(`"Chuyển bước" phải chuyển tới bước sau bước hiện tại (bước ${d.stepIndex + 1}).`, { field: 'stepIndex' });
  }
  const fileIds = fileIdList(a.fileIds);
  return {
    patch: { stepIndex: step, assigneeId: a.assigneeId ?? null },
    eventType: DossierEventType.StepMoved,
    data: { fromStep: d.stepIndex, stepIndex: step, assigneeId: a.assigneeId ?? null, fileIds },
    comment: a.comment,
  };
}

/** "Trả lại bước trước": back to an earlier step, with the reason. */
export function returnStep(d: Dossier, a: Of<'returnStep'>): Outcome {
  const step = stepIndex(a.stepIndex);
  if (step >= d.stepIndex) {
    throw new DossierActionError(`Chỉ trả lại được về một bước trước bước hiện tại (bước ${d.stepIndex + 1}).`, { field: 'stepIndex' });
  }
  const reason = text(a.reason, 'lý do trả lại');
  const fileIds = fileIdList(a.fileIds);
  return {
    patch: { stepIndex: step, assigneeId: a.assigneeId ?? null },
    eventType: DossierEventType.StepReturned,
    data: { fromStep: d.stepIndex, stepIndex: step, assigneeId: a.assigneeId ?? null, fileIds },
    comment: reason,
  };
}

/** The specialist uploads (or replaces) the result document; the leader signs it on approval. */
export function attachResult(d: Dossier, a: Of<'attachResult'>, _ctx: ActionContext): Outcome {
  const name = text(a.name, 'tên kết quả', 500);
  const fileIds = fileIdList(a.fileIds, 'tệp kết quả');
  if (fileIds.length === 0) throw new DossierActionError('Cần tải lên tệp kết quả giải quyết.', { field: 'fileIds' });
  const number = typeof a.number === 'string' ? a.number.trim().slice(0, 100) : '';
  return {
    patch: {
      result: { name, fileIds, number, signedBy: '', issuedAt: null, warehouseDocId: d.result?.warehouseDocId ?? null },
    },
    eventType: DossierEventType.ResultAttached,
    data: { name, fileIds, number },
    comment: a.comment,
  };
}

/**
 * The leader's approval signs the result already attached (if any); `signedFileIds`, when given,
 * are the signed copies of the result files and replace them.
 */
export function signResult(d: Dossier, ctx: ActionContext, signedFileIds?: unknown): Partial<Dossier> {
  if (!d.result) return {};
  const fileIds = signedFileIds === undefined ? d.result.fileIds : fileIdList(signedFileIds, 'tệp kết quả đã ký');
  if (fileIds.length === 0) throw new DossierActionError('Cần ít nhất một tệp kết quả đã ký.', { field: 'fileIds' });
  return { result: { ...d.result, fileIds, signedBy: ctx.actor.name, issuedAt: ctx.now.toISOString() } };
}

/**
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả": the new date goes in `apology`; `dueAt` keeps the
 * first promise so the on-time metric is not rewritten (domain.md §4).
 */
export function apologize(d: Dossier, a: Of<'apologize'>, ctx: ActionContext): Outcome {
  const reason = text(a.reason, 'lý do xin lỗi');
  const newDueAt = isoInstant(a.newDueAt, 'Ngày hẹn trả mới');
  const floor = Math.max(ctx.now.getTime(), d.dueAt ? Date.parse(d.dueAt) : 0, d.apology ? Date.parse(d.apology.newDueAt) : 0);
  if (Date.parse(newDueAt) <= floor) {
    throw new DossierActionError('Ngày hẹn trả mới phải sau hôm nay và sau ngày hẹn trả đã hẹn.', { field: 'newDueAt' });
  }
  const apology = { reason, newDueAt, at: ctx.now.toISOString(), by: ctx.actor.name };
  return { patch: { apology }, eventType: DossierEventType.ApologyIssued, data: { newDueAt, dueAt: d.dueAt }, comment: reason };
}

/** The citizen's satisfaction rating (Rất hài lòng / Hài lòng / Không hài lòng) with an optional comment. */
export function rate(_d: Dossier, a: Of<'rate'>, ctx: ActionContext): Outcome {
  if (!RATING_LEVELS.includes(a.level)) throw new DossierActionError(`Mức đánh giá không hợp lệ: ${String(a.level)}.`, { field: 'level' });
  const comment = typeof a.comment === 'string' ? a.comment.trim().slice(0, 2000) : '';
  const rating = { level: a.level, comment, at: ctx.now.toISOString() };
  return { patch: { rating }, eventType: DossierEventType.Rated, data: { level: a.level }, comment };
}

/** The Vietnamese words of a rating level. */
export function ratingLabel(level: RatingLevel): string {
  return level === 'rat_hai_long' ? 'Rất hài lòng' : level === 'hai_long' ? 'Hài lòng' : 'Không hài lòng';
}
