/**
 * @module calendar/holidays — public holidays of cán bộ, công chức, viên chức as data
 * (Bộ luật Lao động 2019 Art.112 and the yearly notices; domain.md §11.1).
 *
 * @remarks Swaps (a weekday off paid back by a Saturday worked) cannot be derived by rule, so every
 * day is listed with its kind. Entries whose `legalRef` contains "chưa xác minh" come from secondary
 * sources or the statute alone; 2027 is not announced yet. Confirm before relying on them.
 */

export type HolidayKind = 'holiday' | 'substitute' | 'swap_off' | 'makeup_workday';

export interface HolidayEntry {
  /** `YYYY-MM-DD`, Vietnam date. */
  date: string;
  /** holiday: statutory day off · substitute: nghỉ bù for a holiday on a rest day ·
   *  swap_off: weekday off by hoán đổi · makeup_workday: Saturday worked to pay a swap back. */
  kind: HolidayKind;
  name: string;
  legalRef: string;
}

const UNVERIFIED = ' [chưa xác minh]';
const BLLĐ = 'BLLĐ 2019 Điều 112';
const TB2025 = `TB 6150/TB-LĐTBXH; 8726/VPCP-KGVX 26/11/2024${UNVERIFIED}`;
const TB2026 = 'TB 9441/TB-BNV 16/10/2025';
const NOT_ANNOUNCED = `${BLLĐ}; năm 2027 chưa có thông báo — ngày dự kiến${UNVERIFIED}`;

const day = (date: string, kind: HolidayKind, name: string, legalRef: string): HolidayEntry => ({ date, kind, name, legalRef });

export const HOLIDAYS_2025: readonly HolidayEntry[] = [
  day('2025-01-01', 'holiday', 'Tết Dương lịch', BLLĐ),
  day('2025-01-27', 'swap_off', 'Tết Nguyên đán (hoán đổi)', TB2025),
  day('2025-01-28', 'holiday', 'Tết Nguyên đán', TB2025),
  day('2025-01-29', 'holiday', 'Tết Nguyên đán (mùng 1)', TB2025),
  day('2025-01-30', 'holiday', 'Tết Nguyên đán', TB2025),
  day('2025-01-31', 'holiday', 'Tết Nguyên đán', TB2025),
  day('2025-02-08', 'makeup_workday', 'Làm bù cho ngày 27/01', TB2025),
  day('2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương', BLLĐ),
  day('2025-04-26', 'makeup_workday', 'Làm bù cho ngày 02/5', `${TB2025}`),
  day('2025-04-30', 'holiday', 'Ngày Chiến thắng', BLLĐ),
  day('2025-05-01', 'holiday', 'Quốc tế Lao động', BLLĐ),
  day('2025-05-02', 'swap_off', 'Nghỉ hoán đổi (30/4–1/5)', TB2025),
  day('2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề)', TB2025),
  day('2025-09-02', 'holiday', 'Quốc khánh', BLLĐ),
];

export const HOLIDAYS_2026: readonly HolidayEntry[] = [
  day('2026-01-01', 'holiday', 'Tết Dương lịch', BLLĐ),
  day('2026-01-02', 'swap_off', 'Tết Dương lịch (hoán đổi)', '12729/VPCP-KGVX 25/12/2025'),
  day('2026-01-10', 'makeup_workday', 'Làm bù cho ngày 02/01', '12729/VPCP-KGVX 25/12/2025'),
  day('2026-02-16', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', TB2026),
  day('2026-02-17', 'holiday', 'Tết Nguyên đán (mùng 1)', TB2026),
  day('2026-02-18', 'holiday', 'Tết Nguyên đán (mùng 2)', TB2026),
  day('2026-02-19', 'holiday', 'Tết Nguyên đán (mùng 3)', TB2026),
  day('2026-02-20', 'holiday', 'Tết Nguyên đán (mùng 4)', TB2026),
  day('2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (Chủ nhật)', BLLĐ),
  day('2026-04-27', 'substitute', 'Nghỉ bù Giỗ Tổ Hùng Vương', `${BLLĐ}; ${TB2026}`),
  day('2026-04-30', 'holiday', 'Ngày Chiến thắng', BLLĐ),
  day('2026-05-01', 'holiday', 'Quốc tế Lao động', BLLĐ),
  day('2026-08-31', 'swap_off', 'Quốc khánh (hoán đổi; ngày làm bù chưa công bố)', `${TB2026}${UNVERIFIED}`),
  day('2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)', `${TB2026}${UNVERIFIED}`),
  day('2026-09-02', 'holiday', 'Quốc khánh', BLLĐ),
];

export const HOLIDAYS_2027: readonly HolidayEntry[] = [
  day('2027-01-01', 'holiday', 'Tết Dương lịch', BLLĐ),
  day('2027-02-05', 'holiday', 'Tết Nguyên đán (30 tháng Chạp)', NOT_ANNOUNCED),
  day('2027-02-06', 'holiday', 'Tết Nguyên đán (mùng 1, thứ Bảy)', NOT_ANNOUNCED),
  day('2027-02-07', 'holiday', 'Tết Nguyên đán (mùng 2, Chủ nhật)', NOT_ANNOUNCED),
  day('2027-02-08', 'holiday', 'Tết Nguyên đán (mùng 3)', NOT_ANNOUNCED),
  day('2027-02-09', 'holiday', 'Tết Nguyên đán (mùng 4)', NOT_ANNOUNCED),
  day('2027-02-10', 'substitute', 'Nghỉ bù Tết (mùng 1 thứ Bảy)', NOT_ANNOUNCED),
  day('2027-02-11', 'substitute', 'Nghỉ bù Tết (mùng 2 Chủ nhật)', NOT_ANNOUNCED),
  day('2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương', BLLĐ),
  day('2027-04-30', 'holiday', 'Ngày Chiến thắng', BLLĐ),
  day('2027-05-01', 'holiday', 'Quốc tế Lao động (thứ Bảy)', BLLĐ),
  day('2027-05-03', 'substitute', 'Nghỉ bù Quốc tế Lao động', `${BLLĐ}${UNVERIFIED}`),
  day('2027-09-02', 'holiday', 'Quốc khánh', BLLĐ),
  day('2027-09-03', 'holiday', 'Quốc khánh (ngày liền kề, dự kiến)', NOT_ANNOUNCED),
];

/**
 * 24/11 Ngày Văn hóa Việt Nam: ordered to become a paid day off (NQ 80-NQ/TW, NQ 30/NQ-CP) but not
 * law yet, so it is off by default (`defaultCalendar({ cultureDay: true })` adds it).
 */
export const CULTURE_DAYS: readonly HolidayEntry[] = [
  day('2026-11-24', 'holiday', 'Ngày Văn hóa Việt Nam', `NQ 80-NQ/TW; chưa thành luật${UNVERIFIED}`),
  day('2027-11-24', 'holiday', 'Ngày Văn hóa Việt Nam', `NQ 80-NQ/TW; chưa thành luật${UNVERIFIED}`),
];

/** Every listed day, 2025–2027, without the culture day. */
export const HOLIDAYS: readonly HolidayEntry[] = [...HOLIDAYS_2025, ...HOLIDAYS_2026, ...HOLIDAYS_2027];

/** Years the data covers; outside them only weekends are days off. */
export const HOLIDAY_YEARS: readonly number[] = [2025, 2026, 2027];
