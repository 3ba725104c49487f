/**
 * @module dossier/action-types — what an officer or a citizen can do to a dossier, as data.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Actor } from '../schemas/event.schema.ts';

interface Commented {
  /** Free text kept in the event (ý kiến). */
  comment?: string;
}

interface Attached {
  /** Ids of `files` documents attached to the step (đính kèm), kept in the event. */
  fileIds?: string[];
}

/** The three-level satisfaction scale of the one-stop desks (domain.md §11.3). */
export type RatingLevel = NonNullable<Dossier['rating']>['level'];

/** Files added to component slots, by component id. */
export interface ComponentFiles {
  id: string;
  fileIds: string[];
  warehouseDocId?: string | null;
}

export type DossierAction =
  | ({ type: 'submit' } & Commented)
  | ({ type: 'receive'; code?: string | null; dueAt: string } & Commented)
  | { type: 'reject'; reason: string }
  | { type: 'requestSupplement'; reason: string; items: string[] }
  | ({ type: 'supplement'; components?: ComponentFiles[] } & Commented)
  | ({ type: 'acceptSupplement'; dueAt?: string; code?: string | null } & Commented)
  | ({ type: 'startProcessing'; stepIndex?: number; assigneeId?: string | null } & Commented & Attached)
  | ({ type: 'moveStep'; stepIndex: number; assigneeId?: string | null } & Commented & Attached)
  | ({ type: 'returnStep'; stepIndex: number; assigneeId?: string | null; reason: string } & Attached)
  | ({ type: 'attachResult'; name: string; fileIds: string[]; number?: string } & Commented)
  | { type: 'apologize'; reason: string; newDueAt: string }
  | { type: 'rate'; level: RatingLevel; comment?: string }
  | ({ type: 'requestPayment'; amount: number } & Commented)
  | ({ type: 'confirmPayment'; method: 'cash' | 'online' } & Commented)
  /** `signedFileIds`: the result files as the leader signed them, replacing the unsigned ones. */
  | ({ type: 'resolve'; stepIndex?: number; signedFileIds?: string[] } & Commented)
  | ({ type: 'returnResult'; method?: Dossier['returnMethod'] } & Commented)
  | { type: 'requestWithdrawal'; reason: string }
  | ({ type: 'confirmWithdrawal' } & Commented)
  | { type: 'stop'; reason: string };

export type DossierActionType = DossierAction['type'];

/** Who acts, when, and the ids the caller draws for the event. */
export interface ActionContext {
  actor: Actor;
  now: Date;
  eventId: string;
  deviceId: string;
}
