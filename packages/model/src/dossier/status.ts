/**
 * @module dossier/status — the dossier status codes: 0 for a citizen's draft, 1–10 the national
 * DVCQG codes (domain.md §4).
 */

/** Every dossier status by name. The numbers are the DVCQG sync codes; 0 is the local draft. */
export const DossierStatus = {
  Draft: 0,
  Submitted: 1,
  Received: 2,
  Rejected: 3,
  Processing: 4,
  SupplementRequested: 5,
  AwaitingPayment: 6,
  WithdrawalRequested: 7,
  Stopped: 8,
  Resolved: 9,
  Returned: 10,
} as const;

export type DossierStatusName = keyof typeof DossierStatus;
export type DossierStatusCode = (typeof DossierStatus)[DossierStatusName];

/** All status codes in numeric order. */
export const ALL_STATUSES: readonly DossierStatusCode[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const LABELS: Record<DossierStatusCode, string> = {
  0: 'Hồ sơ nháp',
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** True when `n` is one of the status codes 0–10. */
export function isDossierStatus(n: unknown): n is DossierStatusCode {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

/**
 * The Vietnamese label officers know from the national portal.
 * @example statusLabel(1) // "Mới đăng ký"
 */
export function statusLabel(code: DossierStatusCode): string {
  return LABELS[code];
}

/** Statuses no action leaves: rejected, stopped, returned. */
const FINAL: ReadonlySet<number> = new Set([3, 8, 10]);

/** True when nothing more happens to the dossier (rejected, stopped or result returned). */
export function isFinal(code: DossierStatusCode): boolean {
  return FINAL.has(code);
}

/**
 * True when the agency's work on the dossier is over, so its deadline no longer runs:
 * the final statuses plus 9 (result ready, waiting to be handed over).
 */
export function isFinished(code: DossierStatusCode): boolean {
  return FINAL.has(code) || code === 9;
}

/** Statuses from which the citizen may still ask to withdraw (domain.md §4 "any active → 7"). */
export const ACTIVE_STATUSES: readonly DossierStatusCode[] = [1, 2, 4, 5, 6];

/** True while the dossier is submitted and not yet finished or withdrawn. */
export function isActive(code: DossierStatusCode): boolean {
  return (ACTIVE_STATUSES as readonly number[]).includes(code);
}
