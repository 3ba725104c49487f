/**
 * The embedded adapter: PostgreSQL compiled to WebAssembly, in-process, in a data folder. No
 * set-up: the default for a commune box and for development.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataLock } from './data-lock.ts';
import type { SqlClient, SqlDriver } from './sql.ts';
import { createSqlStore } from './sql-store.ts';
import type { SyncStore } from './types.ts';

function wrap(db: Pick<PGlite, 'query'>): SqlClient {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await db.query<T>(text, params);
      return result.rows;
    },
  };
}

/** Opens (creating if needed) the PGlite database in `dataDir`; `undefined` keeps it in memory. */
export async function openPgliteStore(dataDir: string | undefined): Promise<SyncStore> {
  let release = async () => {};
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    release = await acquireDataLock(`${dataDir}.lock`);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    await release();
    throw error;
  }
  const client = wrap(db);
  const driver: SqlDriver = {
    kind: 'pglite',
    // eslint-disable-next-line @typescript-eslint/unbound-method -- `wrap` returns a plain object whose `query` uses no `this`
    query: client.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return () => unlisten();
    },
    close: async () => {
      await db.close();
      await release();
    },
  };
  return createSqlStore(driver);
}
