/**
 * @module dossier/action-review — the reducer's handlers for an officer's records that keep the
 * status: an identity check against the population registry, the settling of an action the server
 * refused, and the result saved to the warehouse. See `actions.ts` for where they are wired in.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { ActionContext, DossierAction, IdentitySource, RegistryResult } from './action-types.ts';
import { DossierActionError, text } from './action-input.ts';
import type { Outcome } from './action-workflow.ts';
import { DossierEventType } from './events.ts';

type Of<T extends DossierAction['type']> = Extract<DossierAction, { type: T }>;

const SOURCES: readonly IdentitySource[] = ['population_registry', 'vneid', 'card_qr', 'card_visual'];
const RESULTS: readonly RegistryResult[] = ['found', 'mismatch', 'not_found'];

/**
 * "Kiểm tra thông tin công dân": how the identity was checked. A registry answer after reception
 * (`result`) is recorded whatever it is; only a match marks the identity as checked by the registry.
 */
export function checkIdentity(d: Dossier, a: Of<'checkIdentity'>, ctx: ActionContext): Outcome {
  if (!SOURCES.includes(a.source)) throw new DossierActionError(`Nguồn kiểm tra không hợp lệ: ${String(a.source)}.`, { field: 'source' });
  if (a.result !== undefined && !RESULTS.includes(a.result)) {
    throw new DossierActionError(`Kết quả đối chiếu không hợp lệ: ${String(a.result)}.`, { field: 'result' });
  }
  const checked = a.result === undefined || a.result === 'found';
  const identityCheck = { source: a.source, at: ctx.now.toISOString(), by: ctx.actor.name };
  return {
    patch: checked ? { identityCheck } : {},
    eventType: DossierEventType.IdentityChecked,
    data: {
      source: a.source,
      result: a.result ?? null,
      registry: typeof a.registry === 'string' ? a.registry.slice(0, 64) : null,
      cardSource: d.identityCheck?.source ?? null,
    },
    comment: a.comment,
  };
}

/** "Đã xem xét": the refused action leaves the dossier's conflict list; the history keeps both. */
export function resolveConflict(d: Dossier, a: Of<'resolveConflict'>): Outcome {
  const conflict = d.conflicts.find((c) => c.eventId === a.eventId);
  if (!conflict) {
    throw new DossierActionError(`Thao tác bị từ chối "${String(a.eventId)}" không còn trong hồ sơ (có thể đã được người khác xem xét).`, {
      field: 'eventId',
    });
  }
  if (a.decision !== 'reapplied' && a.decision !== 'setAside') {
    throw new DossierActionError(`Cách xử lý không hợp lệ: ${String(a.decision)}.`, { field: 'decision' });
  }
  const comment = typeof a.comment === 'string' && a.comment.trim() ? text(a.comment, 'ý kiến') : 'Đã xem xét';
  return {
    patch: { conflicts: d.conflicts.filter((c) => c.eventId !== a.eventId) },
    eventType: DossierEventType.ConflictResolved,
    data: { conflictId: a.eventId, decision: a.decision, note: conflict.note },
    comment,
  };
}

/** The result saved to the owner's warehouse: linked from the result, its (signed) file kept with it. */
export function storeResult(d: Dossier, a: Of<'storeResult'>): Outcome {
  if (!d.result) throw new DossierActionError('Hồ sơ chưa có kết quả để lưu vào kho.', { field: 'result' });
  const warehouseDocId = text(a.warehouseDocId, 'tài liệu trong kho', 64);
  const fileId = text(a.fileId, 'tệp kết quả', 64);
  const fileIds = d.result.fileIds.includes(fileId) ? d.result.fileIds : [...d.result.fileIds, fileId];
  return {
    patch: { result: { ...d.result, warehouseDocId, fileIds } },
    eventType: DossierEventType.ResultStored,
    data: { warehouseDocId, fileId },
  };
}
