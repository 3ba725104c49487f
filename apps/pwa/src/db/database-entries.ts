/**
 * What the device keeps in `localStorage` beside one local database, besides the database itself:
 * when it last synced, the changes the server refused (and the Automerge actor older versions kept,
 * removed with the rest). Every entry is named
 * `motcua.<what>.<database name>`, so wiping a person's data from a shared PC removes them all.
 * @module
 */

const KINDS = ['lastSynced', 'refused', 'actor'] as const;
export type DatabaseEntryKind = (typeof KINDS)[number];

/** The `localStorage` key of one entry of `databaseName`. */
export function databaseEntryKey(kind: DatabaseEntryKind, databaseName: string): string {
  return `motcua.${kind}.${databaseName}`;
}

/** Removes every entry of `databaseName` from `storage`. */
export function removeDatabaseEntries(storage: Pick<Storage, 'removeItem'>, databaseName: string): void {
  for (const kind of KINDS) storage.removeItem(databaseEntryKey(kind, databaseName));
}
