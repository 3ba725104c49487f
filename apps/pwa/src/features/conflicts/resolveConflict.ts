/**
 * "Đã xem xét": an officer has looked at a change that lost a concurrent status change and settles
 * it. The conflict leaves the dossier's list, and a `v1.ConflictResolved` event keeps, in the
 * append-only history, what was lost and the officer's comment. Pure.
 */
import { DossierEventType, type Actor, type Dossier, type UnchainedEvent } from '@motcua/model';


export class ConflictNotFoundError extends Error {
  override readonly name = 'ConflictNotFoundError';
  constructor(readonly conflictId: string) {
    super(`Xung đột "${conflictId}" không còn trong hồ sơ (có thể đã được người khác xem xét).`);
  }
}

export interface ResolveConflictInput {
  dossier: Dossier;
  conflictId: string;
  comment: string;
  actor: Actor;
  now: Date;
  eventId: string;
  deviceId: string;
}

/** The dossier without the conflict, and the event that records its resolution. */
export function resolveConflict(input: ResolveConflictInput): { dossier: Dossier; event: UnchainedEvent } {
  const { dossier: d, conflictId, actor, now } = input;
  const conflict = d.conflicts.find((c) => c.eventId === conflictId);
  if (!conflict) throw new ConflictNotFoundError(conflictId);
  const comment = input.comment.trim() || 'Đã xem xét';
  const dossier: Dossier = {
    ...d,
    conflicts: d.conflicts.filter((c) => c.eventId !== conflictId),
    updatedAt: Math.max(now.getTime(), d.updatedAt + 1),
    updatedBy: actor.userId,
  };
  const event: UnchainedEvent = {
    id: input.eventId,
    dossierId: d.id,
    agencyId: d.agencyId,
    ownerCccd: d.ownerCccd,
    type: DossierEventType.ConflictResolved,
    fromStatus: d.status,
    toStatus: d.status,
    actor,
    deviceId: input.deviceId,
    at: now.toISOString(),
    comment,
    data: { conflictId, note: conflict.note },
  };
  return { dossier, event };
}

/** Dossiers with at least one unresolved conflict, most recently changed first. */
export function withConflicts(dossiers: Dossier[]): Dossier[] {
  return dossiers.filter((d) => d.conflicts.length > 0).sort((a, b) => b.updatedAt - a.updatedAt);
}
