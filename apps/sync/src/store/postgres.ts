/**
 * The server adapter: a PostgreSQL (or compatible) server reached through `DATABASE_URL`, for a
 * province or the nation, where several server processes may share one database.
 */
import pg from 'pg';
import type { SqlDriver } from './sql.ts';
import { createSqlStore } from './sql-store.ts';
import type { SyncStore } from './types.ts';
import { silentLogger, type Logger } from '../log.ts';

/** Reconnect delays of the LISTEN connection: doubling from the first to the last, then steady. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 30_000;

/**
 * A dedicated connection for LISTEN that reconnects when it drops, and keeps retrying with backoff
 * while the database is away (notifications sent meanwhile are lost; live streams also re-sync on
 * reconnect, so nothing is missed for long).
 */
function listener(connectionString: string, channel: string, onPayload: (payload: string) => void, log: Logger) {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = RECONNECT_FIRST_MS;
  const retry = (error: unknown) => {
    if (stopped) return;
    log.warn('postgres listen connection lost; retrying', { channel, inMs: delay, error: String(error) });
    timer = setTimeout(() => void attempt(), delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    next.on('error', (error) => {
      if (client === next) client = null;
      next.end().catch((end: unknown) => log.debug('postgres listen connection end', { error: String(end) }));
      retry(error);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      next.end().catch((end: unknown) => log.debug('postgres listen connection end', { error: String(end) }));
      throw error;
    }
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    delay = RECONNECT_FIRST_MS;
  };
  /** A reconnect: on failure, the next one after the backoff, for as long as the store is open. */
  const attempt = () => connect().catch(retry);
  return {
    start: connect,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end();
    },
  };
}

export async function openPostgresStore(databaseUrl: string, options: { maxConnections?: number; log?: Logger } = {}): Promise<SyncStore> {
  const log = options.log ?? silentLogger;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle client that loses its connection must not take the process down; the pool replaces it.
  pool.on('error', (error) => log.warn('postgres idle connection lost', { error: String(error) }));
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
        // The transaction's own error is the one to report; a failed rollback ends the connection anyway.
        await client.query('ROLLBACK').catch((rollback: unknown) => log.warn('postgres rollback failed', { error: String(rollback) }));
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const handle = listener(databaseUrl, channel, onPayload, log);
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
