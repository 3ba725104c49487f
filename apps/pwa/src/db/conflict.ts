/**
 * How this device resolves a replication conflict: the server answered a push with a master state
 * that differs from the one the device assumed.
 *
 * @remarks Pure and synchronous inside (RxDB wants `resolve` to return a promise only by signature).
 * - `dossiers`: the model's `mergeDossier(master, fork, base)` keeps both sides' edits and settles a
 *   concurrent status change by the state machine's rules, recording the loser in `conflicts`; the
 *   state the device last saw from the server is the common ancestor `base`.
 * - `events`: immutable by design (an id is written once), so the master's copy wins.
 * - everything else (catalog, warehouse, file metadata): the master wins.
 * A deletion on the master always wins.
 * @module
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import { mergeDossier, type CollectionName, type Dossier } from '@motcua/model';
import type { ReplicatedDocTypes } from './database.ts';

function stripDeleted<T>(doc: WithDeleted<T>): T {
  const { _deleted: _ignored, ...rest } = doc as WithDeleted<T> & Record<string, unknown>;
  return rest as T;
}

/** Two document states are equal when their JSON is (attachments are not replicated here). */
export function isEqualState<T>(a: WithDeleted<T>, b: WithDeleted<T>): boolean {
  return deepEqual(a, b);
}

/** The master's state wins; used for every collection but `dossiers`. */
export function masterWins<T>(): RxConflictHandler<T> {
  return {
    isEqual: isEqualState,
    resolve: (input: RxConflictHandlerInput<T>) => Promise.resolve(input.realMasterState),
  };
}

/**
 * Resolves a dossier conflict by merging the device's state (fork) into the server's (master).
 *
 * @example
 * resolveDossierConflict({ realMasterState, newDocumentState }) // → merged, `_deleted: false`
 */
export function resolveDossierConflict(input: RxConflictHandlerInput<Dossier>): WithDeleted<Dossier> {
  const master = input.realMasterState;
  const fork = input.newDocumentState;
  if (master._deleted || fork._deleted) return master;
  const base = input.assumedMasterState && !input.assumedMasterState._deleted ? stripDeleted(input.assumedMasterState) : null;
  const merged = mergeDossier(stripDeleted(master), stripDeleted(fork), base);
  return { ...merged, _deleted: false };
}

export const dossierConflictHandler: RxConflictHandler<Dossier> = {
  isEqual: isEqualState,
  resolve: (input) => Promise.resolve(resolveDossierConflict(input)),
};

/** The handler of each replicated collection, as `createDatabase` installs them. */
export const conflictHandlers: { [K in CollectionName]: RxConflictHandler<ReplicatedDocTypes[K]> } = {
  agencies: masterWins(),
  procedures: masterWins(),
  dossiers: dossierConflictHandler,
  events: masterWins(),
  warehouse: masterWins(),
  files: masterWins(),
};
