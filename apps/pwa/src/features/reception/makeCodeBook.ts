/**
 * This device's book of leased dossier codes ("dãy số hồ sơ cấp ngoại tuyến"): kept per officer in
 * `localStorage`, refilled from `POST /api/codes/lease` while online, drawn from on reception. When
 * today's numbers run out offline, a provisional code is issued and the server gives the final code
 * on sync (model `issueCode`).
 */
import {
  addLease, issueCode, needsRefill, remainingFor, LEASE_LOW_WATER, type CodeLease, type DeviceCodeState, type IssuedCode,
} from '@motcua/model';
import type { KeyValueStorage } from '../../lib/auth.ts';

/** How many numbers per day a refill asks for. */
export const LEASE_COUNT = 20;
export const LOW_CODES_WARNING = 'Sắp hết dãy số hồ sơ cấp ngoại tuyến';

export interface CodeBookOptions {
  storage: KeyValueStorage;
  userId: string;
  deviceId: string;
  /** Sends the lease request (throws when offline). */
  requestLease: (body: { deviceId: string; count: number }) => Promise<CodeLease>;
  now?: () => Date;
}

export interface CodeBook {
  /** Numbers left for today. */
  remaining(): number;
  /** The warning to show, or null while enough numbers are left. */
  warning(): string | null;
  /** Asks for more numbers when needed; a failure (offline) leaves the book as it was. */
  refill(): Promise<boolean>;
  /** Takes the next code for a dossier received at `at` (stored before it is returned). */
  issue(at: Date): IssuedCode;
}

export function makeCodeBook(options: CodeBookOptions): CodeBook {
  const key = `motcua.codes.${options.userId}`;
  const now = options.now ?? (() => new Date());
  const read = (): DeviceCodeState | null => {
    try {
      return JSON.parse(options.storage.getItem(key) ?? 'null') as DeviceCodeState | null;
    } catch {
      return null;
    }
  };
  const write = (state: DeviceCodeState) => options.storage.setItem(key, JSON.stringify(state));
  let refilling: Promise<boolean> | null = null;

  return {
    remaining: () => remainingFor(read(), now()),
    warning: () => (remainingFor(read(), now()) < LEASE_LOW_WATER ? LOW_CODES_WARNING : null),
    refill() {
      if (!needsRefill(read(), now())) return Promise.resolve(false);
      refilling ??= options
        .requestLease({ deviceId: options.deviceId, count: LEASE_COUNT })
        .then((lease) => {
          write(addLease(read(), lease, now()));
          return true;
        }, () => false)
        .finally(() => {
          refilling = null;
        });
      return refilling;
    },
    issue(at) {
      const state = read() ?? { agencyId: '', prefix: '', ranges: [], provisionalIssued: 0 };
      const issued = issueCode(state, at, options.deviceId);
      write(issued.state);
      return issued;
    },
  };
}
