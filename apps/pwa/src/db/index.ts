/**
 * The device's local database and its sync with the server: what the screens import.
 * @module
 */
export { createDatabase, closeDatabase, openCollectionNames } from './database.ts';
export type { CreateDatabaseOptions, MotcuaDatabase, MotcuaCollections, ReplicatedDocTypes } from './database.ts';
export { ownerKeyOf, withoutOwnerKey } from './owner-key.ts';
export { startReplication } from './replication.ts';
export type { ReplicationOptions, SyncHandle } from './replication.ts';
export type { GetAccessToken } from './api-client.ts';
export { saveLocalFile, readFile, readLocalBytes, checkFileBytes, readBytes, reuseFile, fileRemoteOf } from './files.ts';
export type { LocalFileMeta, FileMime } from './files.ts';
export { trimFileCache, setFileCacheBudget, fileCacheBudget, DEFAULT_FILE_CACHE_BYTES } from './file-cache.ts';
export { conflictHandlers } from './conflict.ts';
export { SyncError, OfflineError, UnauthorizedError, HttpError, FileError } from './errors.ts';
export type { SyncErrorCode, FileErrorCode } from './errors.ts';
export type { BlobEntry, BlobState } from './schemas/blob.schema.ts';
