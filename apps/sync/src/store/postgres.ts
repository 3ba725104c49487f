/**
 * The server adapter: a PostgreSQL (or compatible) server reached through `DATABASE_URL`, for a
 * province or the nation, where several server processes may share one database.
 */
import pg from 'pg';
import type { SqlDriver } from './sql.ts';
import { createSqlStore } from './sql-store.ts';
import type { SyncStore } from './types.ts';

const RECONNECT_MS = 2000;

/**
 * A dedicated connection for LISTEN that reconnects when it drops (notifications sent while it is
 * down are lost; live streams also re-sync on reconnect, so nothing is missed for long).
 */
function listener(connectionString: string, channel: string, onPayload: (payload: string) => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    next.on('error', () => {
      void next.end().catch(() => {});
      if (!stopped) timer = setTimeout(() => void connect().catch(() => {}), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
    client = next;
  };
  return {
    start: connect,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}

export async function openPostgresStore(databaseUrl: string, options: { maxConnections?: number } = {}): Promise<SyncStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle client that loses its connection must not take the process down.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const listeners = new Set<ReturnType<typeof listener>>();
  const driver: SqlDriver = {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as T[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const handle = listener(databaseUrl, channel, onPayload);
      await handle.start();
      listeners.add(handle);
      return async () => {
        listeners.delete(handle);
        await handle.stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((handle) => handle.stop()));
      await pool.end();
    },
  };
  return createSqlStore(driver);
}
