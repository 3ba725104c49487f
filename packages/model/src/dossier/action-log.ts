/**
 * @module dossier/action-log — how a dossier keeps track of the actions the server took in: the last
 * one of each device (`heads`), the refused ones (`conflicts`), and, on a device, which of its own
 * actions the server has not taken in yet and must be shown on top of the server's projection.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { DossierEvent } from '../schemas/event.schema.ts';
import { actionLabel, isDossierActionType } from './actions.ts';
import { applyAction, isRefusal, type ApplyContext } from './apply-action.ts';
import type { WireAction } from './action-types.ts';
import type { ContentEngine } from './content.ts';

/** Most refused actions listed on one dossier; older ones stay in the history. */
export const MAX_CONFLICTS = 100;

/** The last `deviceSeq` of `deviceId` the server has taken in on `dossier` (0 for none). */
export function headOf(dossier: Pick<Dossier, 'heads'>, deviceId: string): number {
  return dossier.heads?.find((h) => h.deviceId === deviceId)?.seq ?? 0;
}

/** True when `dossier` took in every action `other` took in: each device's head at least as far. */
export function holdsEvery(dossier: Pick<Dossier, 'heads'>, other: Pick<Dossier, 'heads'>): boolean {
  return (other.heads ?? []).every((h) => headOf(dossier, h.deviceId) >= h.seq);
}

/** The dossier with `event` taken in: its device's head moved to it. */
export function takeIn<T extends Dossier>(dossier: T, event: Pick<DossierEvent, 'deviceId' | 'deviceSeq'>): T {
  const heads = (dossier.heads ?? []).filter((h) => h.deviceId !== event.deviceId);
  const seq = Math.max(event.deviceSeq, headOf(dossier, event.deviceId));
  return { ...dossier, heads: [...heads, { deviceId: event.deviceId, seq }] };
}

/** The dossier with `event`'s action listed as refused, for an officer to re-apply or set aside. */
export function listRefusal(dossier: Dossier, event: DossierEvent, reason: string): Dossier {
  const type = event.action?.type;
  const entry = {
    eventId: event.id,
    note: reason.slice(0, 500),
    action: isDossierActionType(type) ? actionLabel(type).slice(0, 32) : 'không rõ',
    by: event.actor.name.slice(0, 500),
    at: event.at,
  };
  const conflicts = [...dossier.conflicts.filter((c) => c.eventId !== event.id), entry].slice(-MAX_CONFLICTS);
  return { ...dossier, conflicts };
}

/**
 * `deviceId`'s own actions that `dossier` does not hold yet, in chain order: unanswered ones, and
 * applied ones when the projection is older than their application (a pull that was on its way
 * while the server answered the push). A refused action is never shown as done.
 */
export function pendingActions(dossier: Pick<Dossier, 'heads'>, events: readonly DossierEvent[], deviceId: string): DossierEvent[] {
  const head = headOf(dossier, deviceId);
  return events
    .filter((e) => e.deviceId === deviceId && e.deviceSeq > head && e.action !== undefined && e.outcome?.status !== 'refused')
    .sort((a, b) => a.deviceSeq - b.deviceSeq);
}

/** The context an event's action was made in: its actor, time and ids. */
export function contextOf(event: DossierEvent, extra: Partial<ApplyContext> = {}): ApplyContext {
  return {
    actor: event.actor, now: new Date(event.at), eventId: event.id, deviceId: event.deviceId, dossierId: event.dossierId,
    seen: { fromStatus: event.fromStatus, toStatus: event.toStatus }, ...extra,
  };
}

/**
 * The server's projection with this device's pending actions applied on top, as the server will
 * most likely apply them; one that cannot apply any more is left out (the server will refuse it,
 * and its refusal comes back with the next pull).
 */
export function withPending(am: ContentEngine, dossier: Dossier, pending: readonly DossierEvent[]): Dossier {
  let current = dossier;
  for (const event of pending) {
    try {
      current = applyAction(am, current, event.action as WireAction, contextOf(event)).dossier;
    } catch (error) {
      if (!isRefusal(error)) throw error;
    }
  }
  return current;
}
