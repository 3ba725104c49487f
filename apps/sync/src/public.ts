/**
 * @module @motcua/sync — what other parts of Motcua (integration and end-to-end tests, tools) may
 * use from the sync server. The program itself starts in `index.ts`.
 */
export { createApp, VERSION } from './app.ts';
export type { AppDeps } from './app.ts';
export { startServer, jwtSecretOf } from './server.ts';
export type { RunningServer, StartServerOptions } from './server.ts';
export { loadConfig, ConfigError } from './config.ts';
export type { Config, Tier } from './config.ts';
export { openStore, openPgliteStore, openPostgresStore } from './store/index.ts';
export type { OpenStoreOptions } from './store/index.ts';
export type { SyncStore, ScopeFilter, StoredDocument } from './store/types.ts';
export { createBlobFiles } from './files/blob-files.ts';
export { seedDemo } from './demo/seed.ts';
export { DEMO_AGENCY } from './demo/agencies.ts';
export { DEMO_USERS, DEMO_CITIZENS, DEMO_PASSWORD } from './demo/users.ts';
export { createLogger } from './log.ts';
