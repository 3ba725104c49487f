/**
 * Opens the store the configuration asks for: PostgreSQL when `databaseUrl` is set, else PGlite in
 * `<dataDir>/pg`. Migrates before returning.
 */
import { join } from 'node:path';
import { openPgliteStore } from './pglite.ts';
import { openPostgresStore } from './postgres.ts';
import type { SyncStore } from './types.ts';
import type { Logger } from '../log.ts';

export interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string | null;
  log?: Logger;
}

export async function openStore(options: OpenStoreOptions): Promise<SyncStore> {
  const store = options.databaseUrl
    ? await openPostgresStore(options.databaseUrl, { log: options.log })
    : await openPgliteStore(join(options.dataDir, 'pg'));
  await store.migrate();
  return store;
}

export { openPgliteStore, openPostgresStore };
export type * from './types.ts';
