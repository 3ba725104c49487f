/**
 * @module dossier/apply-action — one action applied to a dossier, content included: the function the
 * server runs to write a dossier, and the device runs to show it before the server has answered.
 *
 * @remarks The status part is the reducer's (`applyDossierAction`, the state machine for the actor's
 * role). The content part is exactly the Automerge changes the action carries, checked against the
 * content policy for the actor's role at the status the dossier had: the reducer's own edits of
 * content fields are a device's intent, which its writer records as those changes
 * (`contentChange`). A change that depends on one the dossier does not hold is refused, so nothing
 * is ever silently half-applied.
 */
import { ModelError } from '../errors.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Procedure } from '../schemas/procedure.schema.ts';
import { DossierActionError, TransitionError } from './action-input.ts';
import { checkActionKeys } from './action-shape.ts';
import type { ActionContext, WireAction } from './action-types.ts';
import { applyDossierAction, isDossierActionType } from './actions.ts';
import { ContentFormatError, contentChanges, joinChanges } from './content-bytes.ts';
import { changedContentPaths, checkContentEdit, ContentPolicyError, editablePaths } from './content-policy.ts';
import { contentOf, MAX_CONTENT_BYTES, projectCompleteContent, withContent, type ContentEngine } from './content.ts';
import { createDossierDraft } from './draft.ts';
import { DossierEventType, type UnchainedEvent } from './events.ts';
import { DossierStatus, statusLabel, type DossierStatusCode } from './status.ts';

export interface ApplyContext extends ActionContext {
  /** The dossier the action is for: the new one's id for `create`. */
  dossierId: string;
  /** For `create`: the procedure as the applier's own catalog holds it (null when it has none). */
  procedure?: Procedure | null;
  /** For a citizen's `create`: the CCCD of their account, whose dossier it becomes. */
  ownerCccd?: string;
  /**
   * The move as its actor saw it (the event's statuses). A move made from a status the dossier has
   * left since is refused: it was meant for a dossier that is no longer there (two officers moved it).
   */
  seen?: { fromStatus: number; toStatus: number };
}

export interface Applied {
  dossier: Dossier;
  event: UnchainedEvent;
}

/** True for the errors that mean "this action cannot apply now" (kept as a refused action). */
export function isRefusal(error: unknown): error is ModelError {
  return error instanceof ModelError;
}

/** The content with `changes` added, canonical; throws when they are not whole Automerge changes. */
function withChanges(content: string, changes: readonly string[] | undefined): string {
  if (!changes || changes.length === 0) return content;
  try {
    const merged = joinChanges([...contentChanges(content), ...changes.flatMap((c) => contentChanges(c))]);
    if (merged.length > Math.ceil(MAX_CONTENT_BYTES / 3) * 4) {
      throw new DossierActionError(`Nội dung hồ sơ vượt quá ${MAX_CONTENT_BYTES / 1024} KB.`, { field: 'changes' });
    }
    return merged;
  } catch (error) {
    if (error instanceof ContentFormatError) throw new DossierActionError('Thay đổi nội dung không phải thay đổi Automerge hợp lệ.', { field: 'changes' });
    throw error;
  }
}

function project(am: ContentEngine, content: string) {
  let projected;
  try {
    projected = projectCompleteContent(am, content);
  } catch {
    throw new DossierActionError('Thay đổi nội dung không đọc được.', { field: 'changes' });
  }
  if (projected === null) {
    throw new ContentPolicyError('Thay đổi nội dung dựa trên một thay đổi mà hồ sơ trên máy chủ không có (đã bị từ chối hoặc chưa gửi).');
  }
  // What identifies or routes a dossier is never content: a change that writes it is refused whole.
  const [foreign] = projected.foreign;
  if (foreign !== undefined) throw new ContentPolicyError(`Thay đổi nội dung ghi vào "${foreign.slice(0, 64)}", không phải nội dung hồ sơ.`, { path: foreign });
  return projected.content;
}

/** A new draft from the applier's catalog, its content the device's seed (checked like an edit). */
function createDossier(am: ContentEngine, action: Extract<WireAction, { type: 'create' }>, ctx: ApplyContext): Applied {
  const role = ctx.actor.role;
  if (role !== 'citizen' && role !== 'receptionist') throw new ContentPolicyError('Chỉ công dân hoặc cán bộ một cửa được tạo hồ sơ.');
  const procedure = ctx.procedure;
  if (!procedure || procedure.id !== action.procedureId) {
    throw new DossierActionError(`Không có thủ tục "${String(action.procedureId).slice(0, 64)}" trong danh mục.`, { field: 'procedureId' });
  }
  if (typeof action.agencyId !== 'string' || action.agencyId.length === 0 || action.agencyId.length > 64) {
    throw new DossierActionError('Thiếu cơ quan tiếp nhận hồ sơ.', { field: 'agencyId' });
  }
  // A citizen files online; the desk takes papers in person (1) or by post (3).
  const channel = role === 'citizen' ? 2 : action.channel === 3 ? 3 : 1;
  if (role === 'citizen' && action.channel !== undefined && action.channel !== 2) {
    throw new ContentPolicyError('Công dân chỉ nộp hồ sơ trực tuyến.');
  }
  if (!action.changes || action.changes.length === 0) throw new DossierActionError('Thiếu nội dung hồ sơ (changes).', { field: 'changes' });
  const content = withChanges('', action.changes);
  const projected = project(am, content);
  const ownerCccd = role === 'citizen' ? ctx.ownerCccd : projected.applicant?.cccd;
  if (typeof ownerCccd !== 'string') throw new DossierActionError('Thiếu số định danh của chủ hồ sơ.', { field: 'ownerCccd' });
  if (role === 'citizen' && projected.applicant?.cccd !== ownerCccd) {
    throw new ContentPolicyError('Công dân chỉ nộp hồ sơ của chính mình (số định danh người nộp phải là của tài khoản).');
  }
  const draft = createDossierDraft({
    id: ctx.dossierId, procedure, applicant: projected.applicant, ownerCccd, agencyId: action.agencyId, now: ctx.now,
    userId: ctx.actor.userId, channel,
  });
  // The slots are the procedure's: the seed may fill them, never add, drop or rename one.
  const allowed = editablePaths(role, DossierStatus.Draft);
  const refused = changedContentPaths(contentOf(draft), projected).find((p) => !allowed.has(p));
  if (refused !== undefined) throw new ContentPolicyError(`Nội dung hồ sơ mới không khớp thủ tục hoặc quyền: "${refused}".`, { path: refused });
  const dossier: Dossier = { ...draft, ...projected, content, heads: [] };
  const event: UnchainedEvent = {
    id: ctx.eventId,
    dossierId: ctx.dossierId,
    agencyId: dossier.agencyId,
    ownerCccd,
    type: DossierEventType.Created,
    fromStatus: 0,
    toStatus: 0,
    actor: { ...ctx.actor },
    deviceId: ctx.deviceId,
    at: ctx.now.toISOString(),
    comment: typeof action.comment === 'string' ? action.comment.slice(0, 5000) : '',
    data: { procedureId: procedure.id, procedureVersion: procedure.version, channel },
  };
  return { dossier, event };
}

/**
 * Applies one action as it travels (status and content) to `dossier` (null: it does not exist yet).
 *
 * @throws a ModelError (TransitionError, DossierActionError, ContentPolicyError) when the action
 *   cannot apply now; the caller keeps it as a refused action (see `refusal.ts`).
 */
export function applyAction(am: ContentEngine, dossier: Dossier | null, action: WireAction, ctx: ApplyContext): Applied {
  const type: unknown = (action as { type?: unknown } | null)?.type;
  if (!isDossierActionType(type)) throw new DossierActionError(`Thao tác không hợp lệ: ${String(type).slice(0, 64)}.`);
  checkActionKeys(type, action);
  if (action.type === 'create') {
    if (dossier) throw new DossierActionError('Hồ sơ này đã có, không tạo lại được.');
    return createDossier(am, action, ctx);
  }
  if (!dossier) throw new DossierActionError(`Không có hồ sơ "${ctx.dossierId.slice(0, 64)}".`);
  const seen = ctx.seen;
  if (seen && seen.fromStatus !== seen.toStatus && seen.fromStatus !== dossier.status) {
    throw new TransitionError(
      `Hồ sơ đã chuyển sang trạng thái «${statusLabel(dossier.status as DossierStatusCode)}» trước khi thao tác này tới máy chủ (thao tác được thực hiện khi hồ sơ ở trạng thái «${statusLabel(seen.fromStatus as DossierStatusCode)}»).`,
      { from: dossier.status, seen: seen.fromStatus, action: type },
    );
  }
  const base = withContent(am, dossier);
  const { changes: _changes, ...plain } = action;
  const moved = applyDossierAction(base, plain as typeof action, ctx);
  const content = withChanges(base.content, action.changes);
  if (content === base.content) return { dossier: { ...moved.dossier, ...contentOf(base), content }, event: moved.event };
  const projected = project(am, content);
  checkContentEdit(ctx.actor.role, base.status as DossierStatusCode, contentOf(base), projected);
  return { dossier: { ...moved.dossier, ...projected, content }, event: moved.event };
}
