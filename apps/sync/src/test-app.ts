/**
 * An in-process app on a fresh in-memory PGlite store with the demo seeded, for route tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp, type AppDeps } from './app.ts';
import { DEMO_PASSWORD } from './demo/users.ts';
import { seedDemo } from './demo/seed.ts';
import { createBlobFiles } from './files/blob-files.ts';
import { jwtSecretOf } from './server.ts';
import { openPgliteStore } from './store/pglite.ts';
import { freshPostgresStore } from './store/test-databases.ts';
import type { SyncStore } from './store/types.ts';

export interface TestApp {
  app: Hono;
  store: SyncStore;
  dataDir: string;
  jwtSecret: string;
  /** Logs in a demo user; returns the access token. */
  token(username: string): Promise<string>;
  /** JSON request with an optional bearer token. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** `database: 'postgres'` runs on a fresh database of the test PostgreSQL server instead of PGlite. */
export async function createTestApp(
  overrides: Partial<AppDeps> = {},
  options: { database?: 'pglite' | 'postgres' } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-sync-test-'));
  let dropDatabase = async () => {};
  let store: SyncStore;
  if (options.database === 'postgres') {
    const fresh = await freshPostgresStore();
    store = fresh.store;
    dropDatabase = async () => {
      await fresh.cleanup();
    };
  } else {
    store = await openPgliteStore(undefined);
    await store.migrate();
  }
  await seedDemo(store, new Date());
  const jwtSecret = await jwtSecretOf(store);
  const app = createApp({ store, files: createBlobFiles(join(dataDir, 'blobs')), jwtSecret, ...overrides });
  const tokens = new Map<string, string>();

  const call: TestApp['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(path, { method, headers, body }));
  };

  return {
    app,
    store,
    dataDir,
    jwtSecret,
    call,
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const response = await call('POST', '/api/auth/login', {
        body: { username, password: DEMO_PASSWORD }, headers: { 'X-Device-Id': `test-${username.replace(/[^A-Za-z0-9]/g, '-')}` },
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      const { accessToken } = (await response.json()) as { accessToken: string };
      tokens.set(username, accessToken);
      return accessToken;
    },
    async close() {
      if (options.database === 'postgres') await dropDatabase();
      else await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
