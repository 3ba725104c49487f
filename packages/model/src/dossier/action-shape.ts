/**
 * @module dossier/action-shape — the keys each action may carry. An action with any other key is
 * refused before it is applied: nothing rides along in a history event that no rule has read.
 */
import type { DossierActionType } from './action-types.ts';
import { DossierActionError } from './action-input.ts';

const COMMON = ['type', 'changes', 'comment'] as const;

/** Every key an action of each type may hold, beside `type`, `changes` and `comment`. */
const KEYS: { readonly [T in DossierActionType]: readonly string[] } = {
  create: ['agencyId', 'procedureId', 'channel'],
  editContent: [],
  submit: [],
  receive: ['code', 'dueAt', 'provisionalCode', 'fee'],
  reject: ['reason'],
  requestSupplement: ['reason', 'items'],
  supplement: ['components'],
  acceptSupplement: ['dueAt', 'code'],
  startProcessing: ['stepIndex', 'assigneeId', 'fileIds'],
  moveStep: ['stepIndex', 'assigneeId', 'fileIds'],
  returnStep: ['stepIndex', 'assigneeId', 'reason', 'fileIds'],
  attachResult: ['name', 'fileIds', 'number'],
  apologize: ['reason', 'newDueAt'],
  rate: ['level'],
  requestPayment: ['amount'],
  confirmPayment: ['method'],
  resolve: ['stepIndex', 'signedFileIds'],
  returnResult: ['method'],
  requestWithdrawal: ['reason'],
  confirmWithdrawal: [],
  stop: ['reason'],
  checkIdentity: ['source', 'result', 'registry'],
  resolveConflict: ['eventId', 'decision'],
  storeResult: ['warehouseDocId', 'fileId'],
};

/** Throws DossierActionError when `action` holds a key its type does not have. */
export function checkActionKeys(type: DossierActionType, action: object): void {
  const allowed = new Set<string>([...COMMON, ...KEYS[type]]);
  const extra = Object.keys(action).find((k) => !allowed.has(k));
  if (extra !== undefined) throw new DossierActionError(`Thao tác "${type}" không có trường "${extra.slice(0, 64)}".`, { field: extra });
  const changes: unknown = (action as { changes?: unknown }).changes;
  if (changes !== undefined && (!Array.isArray(changes) || changes.some((c) => typeof c !== 'string'))) {
    throw new DossierActionError('Thay đổi nội dung (changes) phải là danh sách chuỗi base64.', { field: 'changes' });
  }
}
