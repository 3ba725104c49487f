import { describe, expect, it } from 'vitest';
import { ALL_STATUSES, DossierStatus, isActive, isDossierStatus, isFinal, isFinished, statusLabel } from './status.ts';

describe('dossier status', () => {
  it('uses the national DVCQG codes', () => {
    expect(DossierStatus).toEqual({
      Draft: 0, Submitted: 1, Received: 2, Rejected: 3, Processing: 4, SupplementRequested: 5,
      AwaitingPayment: 6, WithdrawalRequested: 7, Stopped: 8, Resolved: 9, Returned: 10,
    });
    expect(ALL_STATUSES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('labels every status in Vietnamese', () => {
    expect(statusLabel(1)).toBe('Mới đăng ký');
    expect(statusLabel(2)).toBe('Được tiếp nhận');
    expect(statusLabel(10)).toBe('Đã trả kết quả');
    expect(new Set(ALL_STATUSES.map(statusLabel)).size).toBe(11);
  });

  it('knows the final, finished and active statuses', () => {
    expect(ALL_STATUSES.filter(isFinal)).toEqual([3, 8, 10]);
    expect(ALL_STATUSES.filter(isFinished)).toEqual([3, 8, 9, 10]);
    expect(ALL_STATUSES.filter(isActive)).toEqual([1, 2, 4, 5, 6]);
  });

  it('recognizes status codes', () => {
    expect(isDossierStatus(4)).toBe(true);
    expect(isDossierStatus(11)).toBe(false);
    expect(isDossierStatus(1.5)).toBe(false);
    expect(isDossierStatus('4')).toBe(false);
  });
});
