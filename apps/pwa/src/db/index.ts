/**
 * The device's local database and its sync with the server: what the screens import.
 * @module
 */
export { createDatabase, closeDatabase } from './database.ts';
export type { MotcuaDatabase } from './database.ts';
export { ownerKeyOf, withoutOwnerKey } from './owner-key.ts';
export { startReplication } from './replication.ts';
export type { SyncHandle } from './replication.ts';
export { saveLocalFile, readFile, readBytes, reuseFile, fileRemoteOf } from './files.ts';
export { FileError } from './errors.ts';
