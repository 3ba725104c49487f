/**
 * @module dossier/read-policy — what a citizen's device receives of their own dossiers and their
 * history. Officers' internal notes and officer-only fields stay at the agency: what is addressed to
 * the citizen (a rejection's reason, what to supplement, an apology, a stop) is kept, the rest of an
 * officer's event keeps only what happened and when.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { DossierEvent } from '../schemas/event.schema.ts';
import { DossierEventType as E } from './events.ts';
import { DossierStatus } from './status.ts';

/** Officers' events whose words are written for the citizen (the slips say the same). */
const ADDRESSED_TO_CITIZEN: ReadonlySet<string> = new Set([
  E.Received, E.Rejected, E.SupplementRequested, E.SupplementAccepted, E.PaymentRequested, E.PaymentConfirmed, E.ApologyIssued,
  E.Resolved, E.ResultReturned, E.Withdrawn, E.Stopped,
]);

/** An event of the citizen's dossier as their device receives it. */
export function eventForCitizen(event: DossierEvent, citizenUserId: string): DossierEvent {
  if (event.actor.userId === citizenUserId) return event;
  const { action: _action, outcome, ...rest } = event;
  const addressed = ADDRESSED_TO_CITIZEN.has(event.type);
  return {
    ...rest,
    comment: addressed ? event.comment : '',
    data: addressed ? event.data : {},
    ...(outcome ? { outcome: { ...outcome, reason: '', code: '' } } : {}),
  };
}

/** The citizen's dossier as their device receives it: no refusals of officers, no handler, no result before it is issued. */
export function dossierForCitizen(dossier: Dossier): Dossier {
  const issued = dossier.status === DossierStatus.Resolved || dossier.status === DossierStatus.Returned;
  return { ...dossier, conflicts: [], assigneeId: null, result: issued ? dossier.result : null };
}
