/**
 * @module dossier/events — the versioned event names of a dossier's history and the hash chain that
 * makes a missing or altered event detectable.
 *
 * @remarks Each device chains its own events: `deviceSeq` counts from 1 and `prevHash` is the hash of
 * the same device's previous event. The hash is SHA-256 (hex) over {@link eventHashInput}; the hash
 * function is passed in so this module stays free of I/O and platform crypto.
 */
import { canonicalJson } from '../canonical-json.ts';
import type { DossierEvent } from '../schemas/event.schema.ts';

/** Every event type, versioned. A change of meaning gets a new version, never an edit. */
export const DossierEventType = {
  Created: 'v1.DossierCreated',
  /** The declared content was edited (the change is in the event's action). */
  ContentEdited: 'v1.ContentEdited',
  Submitted: 'v1.DossierSubmitted',
  Received: 'v1.DossierReceived',
  Rejected: 'v1.DossierRejected',
  SupplementRequested: 'v1.SupplementRequested',
  SupplementProvided: 'v1.SupplementProvided',
  SupplementAccepted: 'v1.SupplementAccepted',
  ProcessingStarted: 'v1.ProcessingStarted',
  StepMoved: 'v1.StepMoved',
  StepReturned: 'v1.StepReturned',
  ResultAttached: 'v1.ResultAttached',
  ApologyIssued: 'v1.ApologyIssued',
  Rated: 'v1.DossierRated',
  PaymentRequested: 'v1.PaymentRequested',
  PaymentConfirmed: 'v1.PaymentConfirmed',
  Resolved: 'v1.DossierResolved',
  ResultReturned: 'v1.ResultReturned',
  WithdrawalRequested: 'v1.WithdrawalRequested',
  Withdrawn: 'v1.DossierWithdrawn',
  Stopped: 'v1.ProcessingStopped',
  /** How the applicant's identity was checked (at the desk, or against the registry later). */
  IdentityChecked: 'v1.IdentityChecked',
  /** The result was saved to the owner's warehouse (linked from the result). */
  ResultStored: 'v1.ResultStored',
  /** An officer settled an action the server refused (re-applied it or set it aside). */
  ConflictResolved: 'v1.ConflictResolved',
} as const;

export type DossierEventTypeName = (typeof DossierEventType)[keyof typeof DossierEventType];

/** An event as an action produces it, before the device chains it. */
export type UnchainedEvent = Omit<DossierEvent, 'deviceSeq' | 'prevHash' | 'hash' | 'outcome'>;

/** The chain position of a device's last event; null before its first. */
export type ChainHead = Pick<DossierEvent, 'deviceSeq' | 'hash'> | null;

/** SHA-256 of a UTF-8 string, as 64 lowercase hex digits (e.g. `@motcua/crypto`'s `sha256Hex`). */
export type Sha256Hex = (text: string) => Promise<string> | string;

/**
 * The exact text an event's hash is computed over: canonical JSON (sorted keys, no whitespace) of
 * every field except `hash` and the server's `outcome`.
 */
export function eventHashInput(event: Omit<DossierEvent, 'hash'> | DossierEvent): string {
  const { hash: _ignored, outcome: _server, ...rest } = event as DossierEvent;
  return canonicalJson(rest);
}

/**
 * Appends `unchained` to a device's chain: sets `deviceSeq`, `prevHash` and `hash`.
 * @param prev the device's last event (or its `{deviceSeq, hash}`), null for the first one.
 */
export async function chainEvent(unchained: UnchainedEvent, prev: ChainHead, sha256Hex: Sha256Hex): Promise<DossierEvent> {
  const linked = { ...unchained, deviceSeq: prev ? prev.deviceSeq + 1 : 1, prevHash: prev ? prev.hash : null };
  const hash = await sha256Hex(eventHashInput(linked));
  return { ...linked, hash };
}

export type ChainProblem = 'altered' | 'gap' | 'duplicate' | 'broken_link' | 'device_mismatch';

export type ChainCheck =
  | { ok: true; count: number; head: ChainHead }
  | { ok: false; problem: ChainProblem; index: number; eventId: string; message: string };

/**
 * Checks one device's chain. Events may come in any order; they are checked by `deviceSeq`.
 * Reports the first problem: an event whose hash does not match its content (`altered`), a missing
 * sequence number (`gap`), the same number twice (`duplicate`), a `prevHash` that is not the previous
 * event's hash (`broken_link`), or events from several devices (`device_mismatch`).
 *
 * @param anchor the last event already verified before these (for checking a chain in parts);
 *   without it the chain must start at `deviceSeq` 1 with `prevHash` null.
 */
export async function verifyChain(
  events: readonly DossierEvent[],
  sha256Hex: Sha256Hex,
  anchor: ChainHead = null,
): Promise<ChainCheck> {
  const sorted = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
  let prev: ChainHead = anchor;
  for (const [index, ev] of sorted.entries()) {
    const fail = (problem: ChainProblem, message: string): ChainCheck => ({ ok: false, problem, index, eventId: ev.id, message });
    if (ev.deviceId !== sorted[0]?.deviceId) {
      return fail('device_mismatch', `Sự kiện ${ev.id} thuộc thiết bị ${ev.deviceId}, không cùng chuỗi với ${sorted[0]?.deviceId}.`);
    }
    if ((await sha256Hex(eventHashInput(ev))) !== ev.hash) {
      return fail('altered', `Sự kiện ${ev.id} (số ${ev.deviceSeq}) đã bị sửa: mã băm không khớp nội dung.`);
    }
    const expectedSeq = prev ? prev.deviceSeq + 1 : 1;
    if (ev.deviceSeq < expectedSeq) {
      return fail('duplicate', `Số thứ tự ${ev.deviceSeq} của thiết bị ${ev.deviceId} bị lặp (sự kiện ${ev.id}).`);
    }
    if (ev.deviceSeq > expectedSeq) {
      return fail('gap', `Thiếu sự kiện số ${expectedSeq} của thiết bị ${ev.deviceId} (trước sự kiện ${ev.id}, số ${ev.deviceSeq}).`);
    }
    if (ev.prevHash !== (prev ? prev.hash : null)) {
      return fail('broken_link', `Sự kiện ${ev.id} (số ${ev.deviceSeq}) không nối đúng với sự kiện trước: chuỗi đã bị thay đổi.`);
    }
    prev = { deviceSeq: ev.deviceSeq, hash: ev.hash };
  }
  return { ok: true, count: sorted.length, head: prev };
}

/** Groups events by device, for checking every device's chain with {@link verifyChain}. */
export function groupByDevice(events: readonly DossierEvent[]): Map<string, DossierEvent[]> {
  const byDevice = new Map<string, DossierEvent[]>();
  for (const ev of events) {
    const list = byDevice.get(ev.deviceId);
    if (list) list.push(ev);
    else byDevice.set(ev.deviceId, [ev]);
  }
  return byDevice;
}
