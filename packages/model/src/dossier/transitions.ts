/**
 * @module dossier/transitions — who may move a dossier from which status to which (domain.md §4).
 *
 * @remarks The table is data so the server (on every push), the PWA (to show only the buttons that
 * apply) and the action reducer share one rule set. `admin` manages the catalog and has no dossier
 * transitions. A new dossier (`from: null`) is treated as a draft: the citizen may create it as a
 * draft or submitted, the desk may create it already received (in-person intake, "(none) → 2").
 */
import type { Role } from '../schemas/event.schema.ts';
import { ALL_STATUSES, DossierStatus as S, isDossierStatus, statusLabel } from './status.ts';
import type { DossierStatusCode } from './status.ts';

export interface TransitionRule {
  from: DossierStatusCode;
  to: DossierStatusCode;
  roles: readonly Role[];
  /** What the move is called on the desk, in Vietnamese. */
  action: string;
}

const ACTIVE_TO_WITHDRAWAL = ([S.Submitted, S.Received, S.Processing, S.SupplementRequested, S.AwaitingPayment] as const)
  .map((from): TransitionRule => ({ from, to: S.WithdrawalRequested, roles: ['citizen'], action: 'Yêu cầu rút hồ sơ' }));

/** Every allowed move. Anything not listed is refused. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: S.Draft, to: S.Submitted, roles: ['citizen'], action: 'Nộp hồ sơ' },
  { from: S.Draft, to: S.Received, roles: ['receptionist'], action: 'Tiếp nhận hồ sơ trực tiếp' },
  { from: S.Submitted, to: S.Received, roles: ['receptionist'], action: 'Tiếp nhận hồ sơ' },
  { from: S.Submitted, to: S.Rejected, roles: ['receptionist'], action: 'Từ chối' },
  { from: S.Submitted, to: S.SupplementRequested, roles: ['receptionist'], action: 'Yêu cầu bổ sung' },
  { from: S.Received, to: S.Rejected, roles: ['receptionist'], action: 'Từ chối' },
  { from: S.Received, to: S.SupplementRequested, roles: ['receptionist'], action: 'Yêu cầu bổ sung' },
  { from: S.Received, to: S.Processing, roles: ['receptionist', 'system'], action: 'Chuyển xử lý' },
  { from: S.Processing, to: S.Processing, roles: ['receptionist', 'specialist', 'leader'], action: 'Chuyển bước' },
  { from: S.Processing, to: S.SupplementRequested, roles: ['receptionist', 'specialist', 'leader'], action: 'Yêu cầu bổ sung' },
  { from: S.Processing, to: S.AwaitingPayment, roles: ['specialist', 'leader'], action: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  { from: S.Processing, to: S.Resolved, roles: ['leader'], action: 'Phê duyệt kết quả' },
  { from: S.Processing, to: S.Stopped, roles: ['specialist', 'leader'], action: 'Dừng xử lý' },
  { from: S.SupplementRequested, to: S.Received, roles: ['receptionist'], action: 'Nhận hồ sơ bổ sung' },
  { from: S.SupplementRequested, to: S.Processing, roles: ['receptionist'], action: 'Nhận hồ sơ bổ sung' },
  // A citizen who never supplies the missing papers: the desk refuses the dossier (Mẫu 03).
  { from: S.SupplementRequested, to: S.Rejected, roles: ['receptionist'], action: 'Từ chối' },
  { from: S.AwaitingPayment, to: S.Processing, roles: ['citizen', 'receptionist', 'system'], action: 'Xác nhận đã nộp phí' },
  { from: S.Resolved, to: S.Returned, roles: ['receptionist'], action: 'Trả kết quả' },
  { from: S.WithdrawalRequested, to: S.Stopped, roles: ['receptionist'], action: 'Xác nhận rút hồ sơ' },
  ...ACTIVE_TO_WITHDRAWAL,
];

const ROLE_LABELS: Record<Role, string> = {
  citizen: 'Công dân',
  receptionist: 'Cán bộ một cửa',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
  system: 'Hệ thống',
};

/** Vietnamese name of a role. */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** The rule for a move, if the table has one (any role). */
export function findTransition(from: DossierStatusCode, to: DossierStatusCode): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from === from && r.to === to);
}

const q = (code: DossierStatusCode): string => `«${statusLabel(code)}»`;

/**
 * May `role` move a dossier from `from` to `to`? `from: null` is a dossier that does not exist yet.
 *
 * @remarks Only status changes are checked here: `from === to` is refused except 4 → 4 (moving to
 * the next workflow step), so callers should not call it for edits that keep the status.
 * @example checkTransition({ from: 1, to: 2, role: 'receptionist' }) // { ok: true }
 */
export function checkTransition(input: {
  from: DossierStatusCode | null;
  to: DossierStatusCode;
  role: Role;
}): TransitionCheck {
  const { from, to, role } = input;
  if (from !== null && !isDossierStatus(from)) return { ok: false, reason: `Trạng thái hiện tại không hợp lệ: ${String(from)}.` };
  if (!isDossierStatus(to)) return { ok: false, reason: `Trạng thái mới không hợp lệ: ${String(to)}.` };
  if (!(role in ROLE_LABELS)) return { ok: false, reason: `Vai trò không hợp lệ: ${String(role)}.` };
  if (from === null) {
    if (to === S.Draft) {
      return role === 'citizen' ? { ok: true } : { ok: false, reason: 'Chỉ công dân được tạo hồ sơ nháp.' };
    }
    return checkTransition({ from: S.Draft, to, role });
  }
  if (from === to && from !== S.Processing) {
    return { ok: false, reason: `Hồ sơ đã ở trạng thái ${q(from)}.` };
  }
  if (from === S.Rejected || from === S.Stopped || from === S.Returned) {
    return { ok: false, reason: `Hồ sơ ở trạng thái ${q(from)} đã kết thúc, không thể chuyển sang ${q(to)}.` };
  }
  const rule = findTransition(from, to);
  if (!rule) return { ok: false, reason: `Không thể chuyển hồ sơ từ ${q(from)} sang ${q(to)}.` };
  if (!rule.roles.includes(role)) {
    const who = rule.roles.map((r) => ROLE_LABELS[r]).join(', ');
    return {
      ok: false,
      reason: `${ROLE_LABELS[role]} không được thực hiện "${rule.action}" (từ ${q(from)} sang ${q(to)}); chỉ ${who} được làm việc này.`,
    };
  }
  return { ok: true };
}

/** The statuses `role` may move a dossier to from `from`, in numeric order. */
export function allowedTransitions(from: DossierStatusCode, role: Role): DossierStatusCode[] {
  return ALL_STATUSES.filter((to) => checkTransition({ from, to, role }).ok);
}

/**
 * The shortest chain of moves `role` alone may make from `from` to `to`, both ends included
 * (`[from]` when they are equal), or null when there is none.
 *
 * @remarks A device that was offline pushes only its latest state, so the server may see 1 → 4 for a
 * desk that received a dossier and sent it to processing in two steps. Accept such a push when the
 * pusher's role could have made every intermediate move itself.
 */
export function transitionPath(from: DossierStatusCode | null, to: DossierStatusCode, role: Role): DossierStatusCode[] | null {
  if (from === null) {
    if (to === S.Draft) return checkTransition({ from, to, role }).ok ? [S.Draft] : null;
    const rest = transitionPath(S.Draft, to, role);
    return rest && rest.length > 1 ? rest : null;
  }
  if (from === to) return [from];
  const previous = new Map<DossierStatusCode, DossierStatusCode>();
  const queue: DossierStatusCode[] = [from];
  const seen = new Set<DossierStatusCode>([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const next of allowedTransitions(at, role)) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, at);
      if (next === to) {
        const path: DossierStatusCode[] = [to];
        for (let p = previous.get(to); p !== undefined; p = previous.get(p)) path.unshift(p);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * Like {@link checkTransition}, but also accepts a change `role` could have made in several moves
 * (see {@link transitionPath}). The refusal reason is that of the direct move.
 */
export function checkTransitionPath(input: { from: DossierStatusCode | null; to: DossierStatusCode; role: Role }): TransitionCheck {
  const direct = checkTransition(input);
  if (direct.ok) return direct;
  const path = transitionPath(input.from, input.to, input.role);
  return path && path.length > 1 ? { ok: true } : direct;
}
