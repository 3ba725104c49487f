/**
 * @module calendar/vn-time — Vietnam wall-clock time (UTC+7, no daylight saving) from and to instants,
 * independent of the host's time zone.
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A Vietnam calendar date and the minute of that day (0 ≤ minute < 1440, fractional for seconds). */
export interface VnClock {
  /** `YYYY-MM-DD`. */
  date: string;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The Vietnam date and time of an instant. */
export function toVnClock(instant: Date): VnClock {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60 + shifted.getUTCMilliseconds() / 60000,
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a Vietnam date (`YYYY-MM-DD`) at a minute of that day. */
export function fromVnClock(date: string, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + Math.round(minute * 60000) - OFFSET_MS);
}

/** The Vietnam date `days` after `date`. */
export function addVnDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Weekday (0 = Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
