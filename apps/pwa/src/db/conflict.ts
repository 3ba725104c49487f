/**
 * How this device resolves a replication conflict: the server answered a push with a master state
 * that differs from the one the device assumed. The master always wins: events are immutable and
 * the server adds only its `outcome`; dossiers are never pushed (the server derives them from
 * actions); the catalog, warehouse and file metadata are the server's as stored.
 * @module
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import type { DeviceCollectionName } from '@motcua/model';
import type { ReplicatedDocTypes } from './database.ts';

/** Two document states are equal when their JSON is (attachments are not replicated here). */
export function isEqualState<T>(a: WithDeleted<T>, b: WithDeleted<T>): boolean {
  return deepEqual(a, b);
}

/** The master's state wins. */
export function masterWins<T>(): RxConflictHandler<T> {
  return {
    isEqual: isEqualState,
    resolve: (input: RxConflictHandlerInput<T>) => Promise.resolve(input.realMasterState),
  };
}

/** The handler of each replicated collection, as `createDatabase` installs them. */
export const conflictHandlers: { [K in DeviceCollectionName]: RxConflictHandler<ReplicatedDocTypes[K]> } = {
  agencies: masterWins(),
  procedures: masterWins(),
  dossiers: masterWins(),
  events: masterWins(),
  warehouse: masterWins(),
  files: masterWins(),
};
