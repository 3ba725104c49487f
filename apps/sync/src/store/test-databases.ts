/**
 * Fresh throw-away databases for tests: a PGlite folder in the temp dir, or a uniquely named
 * database on the PostgreSQL server at `PG_TEST_URL` (default postgres://postgres@127.0.0.1:5432/).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteStore, openPostgresStore } from './index.ts';
import type { SyncStore } from './types.ts';

export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Every storage suite runs on both adapters. PostgreSQL must answer at `PG_TEST_URL` (`.ci/run`
 * starts it): without it those suites fail and say so, rather than pass having tested half.
 */
export const TEST_DATABASES = ['pglite', 'postgres'] as const;
export type TestDatabase = (typeof TEST_DATABASES)[number];

export interface TestStore {
  store: SyncStore;
  /** Another store on the same database, as a second server process would open it (PostgreSQL only). */
  openSibling?: () => Promise<SyncStore>;
  cleanup(): Promise<void>;
}

export async function freshPgliteStore(): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-store-'));
  const store = await openPgliteStore(join(dir, 'pg'));
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** True when the test PostgreSQL server answers (the benchmark leaves its rows out otherwise). */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    // The probe's answer is already known; a failed disconnect changes nothing.
    await client.end().catch(() => {});
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect().catch((error: unknown) => {
    throw new Error(`The tests need PostgreSQL at ${PG_TEST_URL} (set PG_TEST_URL, or run .ci/run): ${String(error)}`);
  });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function freshPostgresStore(): Promise<TestStore> {
  const db = await freshPostgresUrl();
  const store = await openPostgresStore(db.url);
  await store.migrate();
  const siblings: SyncStore[] = [];
  return {
    store,
    async openSibling() {
      const sibling = await openPostgresStore(db.url);
      siblings.push(sibling);
      return sibling;
    },
    async cleanup() {
      await Promise.all(siblings.map((s) => s.close()));
      await store.close();
      await db.drop();
    },
  };
}
