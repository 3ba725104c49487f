/**
 * The real sync server, in this process, for integration tests: `startServer({ storage })` on a free
 * port with a fresh data folder, and for `postgres` a fresh, uniquely named database on the test
 * PostgreSQL server (dropped again on close). Demo data is seeded on start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionUser } from '@motcua/model';
import { startServer as startSyncServer } from '../../apps/sync/src/server.ts';
import { freshPostgresUrl, postgresAvailable, TEST_DATABASES, type TestDatabase } from '../../apps/sync/src/store/test-databases.ts';

export type TestStorage = TestDatabase;

export interface TestServer {
  url: string;
  storage: TestStorage;
  close(): Promise<void>;
}

export { postgresAvailable, TEST_DATABASES };

/** Starts the sync server with demo data on `storage`; `close()` stops it and removes its data. */
export async function startServer({ storage }: { storage: TestStorage }): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-it-'));
  const database = storage === 'postgres' ? await freshPostgresUrl() : null;
  try {
    const server = await startSyncServer({ dataDir, databaseUrl: database?.url ?? null, port: 0, host: '127.0.0.1' });
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      storage,
      close: () =>
        (closing ??= (async () => {
          await server.close();
          await database?.drop();
          await rm(dataDir, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    // Cleaning up after `error`, which is what is thrown.
    await database?.drop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
  expiresIn: number;
}

async function authCall(url: string, path: string, body: unknown, deviceId?: string): Promise<LoginAnswer> {
  const response = await fetch(`${url}/api/auth/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(deviceId ? { 'X-Device-Id': deviceId } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginAnswer;
}

/** Signs in a demo (or any) account from a device (`X-Device-Id`, officers must name one): `POST /api/auth/login`. */
export function login(url: string, username: string, password: string, deviceId = `tool-${Math.random().toString(36).slice(2, 10)}`): Promise<LoginAnswer> {
  return authCall(url, 'login', { username, password }, deviceId);
}

/** Rotates a refresh token: `POST /api/auth/refresh`. */
export function refresh(url: string, refreshToken: string): Promise<LoginAnswer> {
  return authCall(url, 'refresh', { refreshToken });
}
