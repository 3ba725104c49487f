/**
 * @module calendar/working-days — deadlines in working days (ngày làm việc), Vietnam time.
 *
 * @remarks A working day is Monday–Friday, minus holidays, substitute days and swapped-off days,
 * plus make-up Saturdays (see `holidays.ts`). Time is counted inside the working periods (default
 * 7:30–11:30 and 13:30–17:00), so "2 working days" from Monday 9:00 ends Wednesday 9:00, and time
 * that runs out exactly at closing ends at 17:00 rather than at the next morning's opening. Hour
 * limits convert at 8 hours a working day (the national systems store `soNgay = hours / 8`).
 * Every computation uses UTC+7 whatever the host's time zone.
 */
import type { Procedure } from '../schemas/procedure.schema.ts';
import { CULTURE_DAYS, HOLIDAYS, type HolidayEntry, type HolidayKind } from './holidays.ts';
import { addVnDays, fromVnClock, toVnClock, weekdayOf } from './vn-time.ts';

export interface WorkingCalendar {
  /** Listed days by `YYYY-MM-DD`. */
  readonly days: ReadonlyMap<string, HolidayKind>;
  /** Working periods of a day in minutes from midnight, ascending, not overlapping. */
  readonly periods: readonly (readonly [number, number])[];
  /** For same-day procedures: received after this minute → due the next working day. */
  readonly sameDayCutoff: number;
  /** Hours counted as one working day when a limit is given in hours. */
  readonly hoursPerDay: number;
}

export interface CalendarOptions {
  holidays?: readonly HolidayEntry[];
  /** Add 24/11 Ngày Văn hóa Việt Nam (not law yet). */
  cultureDay?: boolean;
  periods?: readonly (readonly [number, number])[];
  sameDayCutoff?: number;
  hoursPerDay?: number;
}

const hm = (h: number, m = 0): number => h * 60 + m;

/** Builds a calendar; every option has the national default. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const entries = [...(options.holidays ?? HOLIDAYS), ...(options.cultureDay ? CULTURE_DAYS : [])];
  const periods = options.periods ?? [
    [hm(7, 30), hm(11, 30)],
    [hm(13, 30), hm(17)],
  ];
  if (periods.length === 0 || periods.some(([s, e], i) => !(s < e) || s < 0 || e > 1440 || (i > 0 && s < periods[i - 1]![1]))) {
    throw new RangeError('Giờ làm việc không hợp lệ: các ca phải tăng dần, không chồng nhau, trong một ngày.');
  }
  return {
    days: new Map(entries.map((e) => [e.date, e.kind])),
    periods,
    sameDayCutoff: options.sameDayCutoff ?? hm(15),
    hoursPerDay: options.hoursPerDay ?? 8,
  };
}

/** The national calendar: 2025–2027 holidays, 7:30–11:30 and 13:30–17:00, 15:00 cut-off. */
export const VN_CALENDAR: WorkingCalendar = createCalendar();

const dayMinutes = (cal: WorkingCalendar): number => cal.periods.reduce((sum, [s, e]) => sum + (e - s), 0);
const closing = (cal: WorkingCalendar): number => cal.periods[cal.periods.length - 1]![1];
const dateOf = (d: Date | string): string => (typeof d === 'string' ? d : toVnClock(d).date);

/** True when the Vietnam date of `day` (a Date or `YYYY-MM-DD`) is a working day. */
export function isWorkingDay(day: Date | string, cal: WorkingCalendar = VN_CALENDAR): boolean {
  const date = dateOf(day);
  const kind = cal.days.get(date);
  if (kind === 'makeup_workday') return true;
  if (kind) return false;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

/** The first working day strictly after `date` (`YYYY-MM-DD`). */
export function nextWorkingDay(date: string, cal: WorkingCalendar = VN_CALENDAR): string {
  let d = addVnDays(date, 1);
  for (let i = 0; i < 3660 && !isWorkingDay(d, cal); i++) d = addVnDays(d, 1);
  return d;
}

/** Moves forward `minutes` of working time from `start`. */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar = VN_CALENDAR): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Thời gian không hợp lệ: ${minutes}.`);
  if (minutes === 0) return new Date(start.getTime());
  let { date, minute } = toVnClock(start);
  let remaining = minutes;
  for (let guard = 0; guard < 36600; guard++) {
    if (isWorkingDay(date, cal)) {
      for (const [s, e] of cal.periods) {
        if (minute >= e) continue;
        const from = Math.max(minute, s);
        if (from + remaining <= e) return fromVnClock(date, from + remaining);
        remaining -= e - from;
        minute = e;
      }
    }
    date = addVnDays(date, 1);
    minute = 0;
  }
  throw new RangeError('Thời hạn vượt quá 100 năm.');
}

/**
 * `n` working days after `start` (a day is the length of the working periods).
 * @example addWorkingDays(new Date('2026-02-13T02:00:00Z'), 1) // Mon 2026-02-23 09:00 (after Tết)
 */
export function addWorkingDays(start: Date, n: number, cal: WorkingCalendar = VN_CALENDAR): Date {
  return addWorkingMinutes(start, n * dayMinutes(cal), cal);
}

/** `hours` working hours after `start`: whole days of `hoursPerDay`, the rest as clock time. */
export function addWorkingHours(start: Date, hours: number, cal: WorkingCalendar = VN_CALENDAR): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Số giờ không hợp lệ: ${hours}.`);
  const days = Math.floor(hours / cal.hoursPerDay);
  const rest = hours - days * cal.hoursPerDay;
  return addWorkingMinutes(addWorkingDays(start, days, cal), rest * 60, cal);
}

/**
 * Ngày hẹn trả: when the result is due for a dossier received at `receivedAt`.
 *
 * @remarks Same-day procedures (and a limit of 0 days) are due at closing time that day when received
 * on a working day up to 15:00, else at closing time on the next working day.
 */
export function computeDueDate(
  receivedAt: Date,
  timeLimit: Procedure['timeLimit'],
  cal: WorkingCalendar = VN_CALENDAR,
): Date {
  const { value, unit } = timeLimit;
  if (unit === 'same_day' || value === 0) {
    const { date, minute } = toVnClock(receivedAt);
    const sameDay = isWorkingDay(date, cal) && minute <= cal.sameDayCutoff;
    return fromVnClock(sameDay ? date : nextWorkingDay(date, cal), closing(cal));
  }
  if (unit === 'hours') return addWorkingHours(receivedAt, value, cal);
  return addWorkingDays(receivedAt, value, cal);
}

/** Working minutes between two instants (negative when `to` is before `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar = VN_CALENDAR): number {
  if (to.getTime() < from.getTime()) return -workingMinutesBetween(to, from, cal);
  const a = toVnClock(from);
  const b = toVnClock(to);
  let total = 0;
  for (let date = a.date, guard = 0; date <= b.date && guard < 36600; date = addVnDays(date, 1), guard++) {
    if (!isWorkingDay(date, cal)) continue;
    const lo = date === a.date ? a.minute : 0;
    const hi = date === b.date ? b.minute : 1440;
    for (const [s, e] of cal.periods) total += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
  }
  return total;
}

/**
 * The due date pushed back by the working time a dossier spent waiting for the citizen's supplement
 * (that time does not count against the agency, domain.md §4).
 */
export function extendDueDate(
  dueAt: Date,
  pausedFrom: Date,
  resumedAt: Date,
  cal: WorkingCalendar = VN_CALENDAR,
): Date {
  return addWorkingMinutes(dueAt, Math.max(0, workingMinutesBetween(pausedFrom, resumedAt, cal)), cal);
}
