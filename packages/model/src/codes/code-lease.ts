/**
 * @module codes/code-lease — dossier codes issued without a network.
 *
 * @remarks The server leases each device, per Vietnam calendar day, a range of that day's agency
 * sequence (`{ date, from, to }`), for today and the next few working days. A code drawn from a
 * lease keeps the national shape `PREFIX-YYMMDD-NNNN` with the date of reception, and no two devices
 * hold the same number of the same day, so two offline desks never issue the same code. Numbers a
 * device never uses are gaps in the day's sequence, never reissued. A device with no number left for
 * today issues a provisional code (`TAM-<device>-<n>`) that the server replaces on sync.
 */
import { toVnClock } from '../calendar/vn-time.ts';
import { nextWorkingDay } from '../calendar/working-days.ts';
import { formatDossierCode } from './dossier-code.ts';

/** One leased range of a day's sequence; `date` is `YYYY-MM-DD` in Vietnam time. */
export interface CodeRange {
  date: string;
  from: number;
  to: number;
}

/** What `POST /api/codes/lease` answers. */
export interface CodeLease {
  agencyId: string;
  prefix: string;
  ranges: CodeRange[];
}

/** A device's leased numbers: `next` is the first number of the range not yet used. */
export interface DeviceCodeState {
  agencyId: string;
  prefix: string;
  ranges: Array<CodeRange & { next: number }>;
  /** Provisional codes issued so far (numbering of `TAM-<device>-<n>`). */
  provisionalIssued: number;
}

/** Days a lease covers: today and the following working days. */
export const LEASE_DAYS = 5;
/** Below this many numbers left for today the device refills (and warns when offline). */
export const LEASE_LOW_WATER = 5;

/** The Vietnam date (`YYYY-MM-DD`) of an instant. */
export function vnDate(at: Date): string {
  return toVnClock(at).date;
}

/** Today and the next `days - 1` working days, Vietnam time: the days a lease is asked for. */
export function leaseDays(now: Date, days = LEASE_DAYS): string[] {
  const today = vnDate(now);
  const out = [today];
  while (out.length < days) out.push(nextWorkingDay(out[out.length - 1]!));
  return out;
}

/** An empty state for a device of `agencyId` (before the first lease). */
export function emptyCodeState(agencyId: string, prefix: string): DeviceCodeState {
  return { agencyId, prefix, ranges: [], provisionalIssued: 0 };
}

/**
 * Adds a fresh lease to the device's state and forgets ranges of days before `now`'s day.
 * A lease of another agency (the officer moved) replaces the state.
 */
export function addLease(state: DeviceCodeState | null, lease: CodeLease, now: Date): DeviceCodeState {
  const base = state && state.agencyId === lease.agencyId ? state : emptyCodeState(lease.agencyId, lease.prefix);
  const today = vnDate(now);
  const kept = base.ranges.filter((r) => r.date >= today && r.next <= r.to);
  const added = lease.ranges.map((r) => ({ ...r, next: r.from }));
  return { ...base, prefix: lease.prefix, ranges: [...kept, ...added].sort((a, b) => a.date.localeCompare(b.date) || a.from - b.from) };
}

/** Numbers left for the Vietnam day of `at`. */
export function remainingFor(state: DeviceCodeState | null, at: Date): number {
  if (!state) return 0;
  const day = vnDate(at);
  return state.ranges.filter((r) => r.date === day).reduce((n, r) => n + Math.max(0, r.to - r.next + 1), 0);
}

/** True when the device should ask for more numbers (few left today, or no lease for a coming day). */
export function needsRefill(state: DeviceCodeState | null, now: Date, lowWater = LEASE_LOW_WATER): boolean {
  if (!state || remainingFor(state, now) < lowWater) return true;
  const covered = new Set(state.ranges.filter((r) => r.next <= r.to).map((r) => r.date));
  return leaseDays(now, 2).some((d) => !covered.has(d));
}

export type IssuedCode =
  | { kind: 'leased'; code: string; state: DeviceCodeState }
  | { kind: 'provisional'; provisionalCode: string; state: DeviceCodeState };

/**
 * Issues the next code for a dossier received at `at`: a leased one when the device holds a number
 * of that day, else a provisional one. Pure: the caller stores the returned state before using the code.
 * @example issueCode(state, new Date(), 'a1b2c3') // { kind: 'leased', code: 'H34.29.2-260105-0021', state }
 */
export function issueCode(state: DeviceCodeState, at: Date, deviceId: string): IssuedCode {
  const day = vnDate(at);
  const index = state.ranges.findIndex((r) => r.date === day && r.next <= r.to);
  if (index >= 0) {
    const range = state.ranges[index]!;
    const code = formatDossierCode({ prefix: state.prefix, date: at, seq: range.next });
    const ranges = state.ranges.map((r, i) => (i === index ? { ...r, next: r.next + 1 } : r));
    return { kind: 'leased', code, state: { ...state, ranges } };
  }
  const n = state.provisionalIssued + 1;
  return { kind: 'provisional', provisionalCode: provisionalCode(deviceId, n), state: { ...state, provisionalIssued: n } };
}

/** `TAM-<first 8 characters of the device id, upper case>-<n>`: unique per device, never a final code. */
export function provisionalCode(deviceId: string, n: number): string {
  const device = deviceId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toUpperCase() || 'MAY';
  return `TAM-${device}-${n}`;
}
