/**
 * How this device resolves a replication conflict: the server answered a push with a master state
 * that differs from the one the device assumed.
 *
 * @remarks Pure inside; only loading Automerge is asynchronous.
 * - `dossiers`: the model's `mergeDossierContent(automerge, master, fork, base)` merges the two
 *   content documents with Automerge (both sides' field edits survive, identical bytes everywhere)
 *   and settles a concurrent status change by the state machine's rules, recording the loser in
 *   `conflicts`; the state the device last saw from the server is the common ancestor `base`. The
 *   server already merged the device's push into the master it answers, so the usual outcome is
 *   that master, unchanged.
 * - `events`: immutable by design (an id is written once), so the master's copy wins.
 * - everything else (catalog, warehouse, file metadata): the master wins.
 * A deletion on the master always wins.
 * @module
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import { mergeDossierContent, type DeviceCollectionName, type ContentEngine, type Dossier } from '@motcua/model';
import { loadContentEngine } from './content-engine.ts';
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
 * resolveDossierConflict({ realMasterState, newDocumentState }, Automerge) // → merged, `_deleted: false`
 */
export function resolveDossierConflict(input: RxConflictHandlerInput<Dossier>, am: ContentEngine): WithDeleted<Dossier> {
  const master = input.realMasterState;
  const fork = input.newDocumentState;
  if (master._deleted || fork._deleted) return master;
  const base = input.assumedMasterState && !input.assumedMasterState._deleted ? stripDeleted(input.assumedMasterState) : null;
  try {
    return { ...mergeDossierContent(am, stripDeleted(master), stripDeleted(fork), base), _deleted: false };
  } catch {
    // Contents that cannot merge (never written by a correct replica): the server's state stands.
    return master;
  }
}

export const dossierConflictHandler: RxConflictHandler<Dossier> = {
  isEqual: isEqualState,
  resolve: async (input) => resolveDossierConflict(input, await loadContentEngine()),
};

/** The handler of each replicated collection, as `createDatabase` installs them. */
export const conflictHandlers: { [K in DeviceCollectionName]: RxConflictHandler<ReplicatedDocTypes[K]> } = {
  agencies: masterWins(),
  procedures: masterWins(),
  dossiers: dossierConflictHandler,
  events: masterWins(),
  warehouse: masterWins(),
  files: masterWins(),
};
