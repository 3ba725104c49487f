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

/** How an applicant's identity was checked (`Dossier['identityCheck']['source']`). */
export type IdentitySource = NonNullable<Dossier['identityCheck']>['source'];

/** What the population registry answered, for a check made after reception. */
export type RegistryResult = 'found' | 'mismatch' | 'not_found';

export type DossierAction =
  /**
   * A new draft: the server builds it from its own catalog (`procedureId`) for the agency, and the
   * device's seed of its content (the `changes` of the action, see `WireAction`).
   */
  | ({ type: 'create'; agencyId: string; procedureId: string; channel?: 1 | 2 | 3 } & Commented)
  /** An edit of the declared content only; the change itself travels in the action's `changes`. */
  | ({ type: 'editContent' } & Commented)
  | ({ type: 'submit' } & Commented)
  /**
   * `provisionalCode`: the slip's code when the device had no leased one left (`TAM-…`). `fee`: what
   * the desk charged for the papers it took in person (only when receiving a new dossier at the desk).
   */
  | ({ type: 'receive'; code?: string | null; dueAt: string; provisionalCode?: string; fee?: Dossier['fee'] } & Commented)
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
  | { type: 'stop'; reason: string }
  /** `result` only for a registry check made after reception; a match marks the identity checked. */
  | ({ type: 'checkIdentity'; source: IdentitySource; result?: RegistryResult; registry?: string } & Commented)
  /** "Lưu vào kho dữ liệu điện tử" of the result: the warehouse document, and its file if new. */
  | { type: 'storeResult'; warehouseDocId: string; fileId: string }
  /** An officer settles an action the server refused: re-applied as a new action, or set aside. */
  | { type: 'resolveConflict'; eventId: string; decision: 'reapplied' | 'setAside'; comment: string };

/**
 * An action as it travels in its history event: the action, and the Automerge changes (base64, one
 * chunk each) of the content it edits, made by the device. The server applies exactly these bytes,
 * so a device's content is never re-recorded and its changes can never be numbered twice.
 */
export type WireAction = DossierAction & { changes?: string[] };

export type DossierActionType = DossierAction['type'];

/** Who acts, when, and the ids the caller draws for the event. */
export interface ActionContext {
  actor: Actor;
  now: Date;
  eventId: string;
  deviceId: string;
}
