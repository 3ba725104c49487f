/**
 * What a push may change, per collection, beyond schema and scope: dossier status moves follow the
 * state machine for the pusher's role, citizens never set codes nor what the agency decides (but
 * what a move of their own writes), events are insert-only and signed by their pusher, the catalog
 * is for admins, dossier summaries come only from a tier's replication.
 */
import { checkTransitionPath, DossierStatus, type CollectionName, type DossierStatusCode, type SessionUser } from '@motcua/model';
import { forbidden } from '../errors.ts';
import { canonical } from './documents.ts';
import { CATALOG, isTierAccount } from './scope.ts';

type Data = Record<string, unknown>;

/** Checks that need no stored state; run on each row that is not already stored as it is. */
export function checkRowAlone(collection: CollectionName, user: SessionUser, data: Data, deleted: boolean, index: number): void {
  if (CATALOG.has(collection) && (user.role !== 'admin' || isTierAccount(user))) {
    throw forbidden('catalog_readonly', `Chỉ quản trị viên được sửa danh mục "${collection}"`);
  }
  if (collection === 'summaries' && !isTierAccount(user)) {
    throw forbidden('summary_readonly', 'Bản tóm tắt hồ sơ do máy chủ tỉnh gửi lên, không được sửa trực tiếp');
  }
  if (collection === 'events') {
    const actor = data.actor as { userId?: unknown } | undefined;
    // A tier relays events with their original actor; people sign their own.
    if (actor?.userId !== user.id && !isTierAccount(user)) {
      throw forbidden('actor_mismatch', `Sự kiện thứ ${index + 1} phải do chính người gửi thực hiện (actor.userId)`);
    }
    if (deleted) throw forbidden('event_immutable', 'Không được xóa lịch sử xử lý hồ sơ');
  }
}

/**
 * What the agency decides on a dossier: a citizen sets none of these when submitting, and later only
 * what a move of their own writes (`CITIZEN_MOVES`), never otherwise.
 */
const AGENCY_FIELDS = [
  'receivedAt', 'dueAt', 'finishedAt', 'returnedAt', 'decision', 'result', 'apology', 'fee',
  'stepIndex', 'assigneeId', 'identityCheck', 'provisionalCode',
] as const;
type AgencyField = (typeof AGENCY_FIELDS)[number];

/** The agency fields as a new draft has them (`createDossierDraft`); the fee is the procedure's. */
const UNTOUCHED: Partial<Record<AgencyField, unknown>> = { stepIndex: -1 };

/**
 * The agency fields each move a citizen may make writes (the model's actions): asking to withdraw
 * writes the decision, confirming a payment how the fee was paid (never its amount).
 */
const CITIZEN_MOVES: Partial<Record<DossierStatusCode, readonly AgencyField[]>> = {
  [DossierStatus.WithdrawalRequested]: ['decision'],
  [DossierStatus.Processing]: ['fee'],
};

/** The agency field a citizen's write sets beyond what they may, or null. Their draft is theirs. */
function citizenOverreach(next: Data, master: Data | null): AgencyField | null {
  const from = master ? (master.status as DossierStatusCode) : null;
  const to = next.status as DossierStatusCode;
  if (to === DossierStatus.Draft) return null;
  const differs = (field: AgencyField, before: unknown) => canonical(next[field] ?? null) !== canonical(before ?? null);
  if (!master || from === DossierStatus.Draft) {
    return AGENCY_FIELDS.find((field) => field !== 'fee' && differs(field, UNTOUCHED[field])) ?? null;
  }
  const allowed = from === to ? [] : (CITIZEN_MOVES[to] ?? []);
  const changed = AGENCY_FIELDS.find((field) => !allowed.includes(field) && differs(field, master[field]));
  if (changed) return changed;
  const amount = (d: Data) => (d.fee as { amount?: unknown } | undefined)?.amount;
  return amount(next) === amount(master) ? null : 'fee';
}

/** Checks against the stored master (null for a new document). */
export function checkRowChange(
  collection: CollectionName,
  user: SessionUser,
  next: Data,
  master: Data | null,
  index: number,
  deleted = false,
): void {
  if (collection === 'events' && master) {
    throw forbidden('event_immutable', `Sự kiện thứ ${index + 1} đã có, không được sửa`);
  }
  if (master && !CATALOG.has(collection) && master.ownerCccd !== next.ownerCccd) {
    throw forbidden('owner_immutable', `Không được đổi chủ hồ sơ của tài liệu "${String(next.id)}"`);
  }
  if (collection !== 'dossiers') return;
  if (deleted && (next.status !== 0 || (master !== null && master.status !== 0))) {
    throw forbidden('delete_refused', 'Chỉ xóa được hồ sơ nháp; hồ sơ đã nộp được giữ lại');
  }
  const from = master ? (master.status as DossierStatusCode) : null;
  const to = next.status as DossierStatusCode;
  // A device that worked offline pushes only its latest state (received, then sent to processing:
  // 1 → 4): a path is accepted when every step on it was the pusher's to take.
  // A tier relays moves its own server already checked for the people who made them.
  if ((from !== to || from === null) && !isTierAccount(user)) {
    const check = checkTransitionPath({ from, to, role: user.role });
    if (!check.ok) throw forbidden('transition_refused', check.reason);
  }
  if (user.role === 'citizen' && next.code !== null && next.code !== (master?.code ?? null)) {
    throw forbidden('code_readonly', 'Mã hồ sơ do cơ quan cấp, công dân không được đặt');
  }
  const changed = user.role === 'citizen' ? citizenOverreach(next, master) : null;
  if (changed) throw forbidden('field_readonly', `Trường "${changed}" của hồ sơ do cơ quan giải quyết cập nhật, công dân không được sửa`);
}

/** True when the server must issue the dossier's code on this write. */
export function needsCode(collection: CollectionName, next: Data): boolean {
  return collection === 'dossiers' && typeof next.status === 'number' && next.status >= 2 && next.code === null;
}

/**
 * The code an officer's device issued itself (from its leased range) on this write, or a code a
 * tier relays on a dossier or its summary, which the push must check (`codes/check-code.ts`,
 * `upstream/relayed-code.ts`); null when the code is unchanged or left to the server.
 */
export function pushedCode(collection: CollectionName, next: Data, master: Data | null): string | null {
  if ((collection !== 'dossiers' && collection !== 'summaries') || typeof next.code !== 'string') return null;
  return next.code === (master?.code ?? null) ? null : next.code;
}
