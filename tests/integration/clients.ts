/**
 * Device clients for the integration suites: each one is an RxDB database (memory storage, dev-mode)
 * signed in as a demo user, replicating with the real sync server through `startReplication`.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { sha256Hex } from '@motcua/crypto';
import { applyDossierAction, chainEvent, type ChainHead, type DossierAction } from '@motcua/model';
import type { DeviceCollectionName, Dossier, DossierEvent, SessionUser } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from '../../apps/pwa/src/db/database.ts';
import { startReplication, type ReplicationOptions, type SyncHandle } from '../../apps/pwa/src/db/replication.ts';
import { enableDevMode, uniqueName } from '../../apps/pwa/src/db/testing.ts';
import { login, refresh, startServer, type LoginAnswer, type TestServer, type TestStorage } from '../helpers/server.ts';

export const DEMO_PASSWORD = 'Demo@2026';

export interface TestClient {
  readonly label: string;
  /** The sync server's origin. */
  readonly url: string;
  readonly user: SessionUser;
  readonly db: MotcuaDatabase;
  readonly deviceId: string;
  sync: SyncHandle | null;
  /** The device's current access token, for direct API calls. */
  token(): Promise<string>;
  /** Starts replicating (fast retries for tests); replaces a stopped handle. */
  startSync(options?: Partial<ReplicationOptions>): SyncHandle;
  /** Stops replicating: the device is offline from now on. */
  stopSync(): Promise<void>;
  /** Applies a model action to a local dossier and writes the dossier and its chained event. */
  act(dossierId: string, action: DossierAction, now?: Date): Promise<{ dossier: Dossier; event: DossierEvent }>;
  /** Writes a dossier's new state and a chained event for it, as a screen would. */
  record(dossier: Dossier, event: Omit<DossierEvent, 'deviceSeq' | 'prevHash' | 'hash'>): Promise<DossierEvent>;
  close(): Promise<void>;
}

export interface OpenClientOptions {
  fetch?: typeof fetch;
  /**
   * Replicated collections the device opens. RxDB allows 13 open collections per process, so a
   * suite with three devices opens these three (+ blobs) each; default dossiers, events, files.
   */
  collections?: DeviceCollectionName[];
}

/** Signs `username` in at `url` and opens a fresh local database for it (replication not started). */
export async function openClient(url: string, username: string, label = username, options: OpenClientOptions = {}): Promise<TestClient> {
  enableDevMode();
  let session: LoginAnswer = await login(url, username, DEMO_PASSWORD);
  const db = await createDatabase({
    storage: getRxStorageMemory(),
    name: uniqueName(label.replace(/[^a-z0-9]/gi, '').toLowerCase()),
    collections: options.collections ?? ['dossiers', 'events', 'files'],
  });
  const deviceId = `dev-${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  let head: ChainHead = null;

  const client: TestClient = {
    label,
    url,
    user: session.user,
    db,
    deviceId,
    sync: null,
    token: async () => session.accessToken,
    startSync(overrides = {}) {
      client.sync = startReplication(db, {
        baseUrl: url,
        getAccessToken: async (o) => {
          if (o?.refresh) session = await refresh(url, session.refreshToken);
          return session.accessToken;
        },
        fetch: options.fetch,
        retryTimeMs: 300,
        backoff: { initialMs: 100, maxMs: 1000 },
        ...overrides,
      });
      return client.sync;
    },
    async stopSync() {
      await client.sync?.stop();
      client.sync = null;
    },
    async record(dossier, unchained) {
      const event = await chainEvent(unchained, head, sha256Hex);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
      await db.dossiers.upsert(dossier);
      await db.events.insert(event);
      return event;
    },
    async act(dossierId, action, now = new Date()) {
      const doc = await db.dossiers.findOne(dossierId).exec();
      if (!doc) throw new Error(`${label}: no dossier ${dossierId}`);
      const user = session.user;
      const result = applyDossierAction(doc.toMutableJSON() as Dossier, action, {
        actor: { userId: user.id, name: user.fullName, role: user.role },
        now,
        eventId: crypto.randomUUID(),
        deviceId,
      });
      const event = await client.record(result.dossier, result.event);
      return { dossier: result.dossier, event };
    },
    async close() {
      await client.stopSync();
      await closeDatabase(db);
    },
  };
  return client;
}

/** Polls `probe` until it returns a truthy value (returned), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A sync server on `storage` for the tests of a `describe`, and `device()` to open signed-in
 * devices on it; every device closes after its test (RxDB allows 13 open collections per process).
 */
export function useServerAndDevices(storage: TestStorage, defaults: OpenClientOptions = {}) {
  const open: TestClient[] = [];
  const env = {
    server: undefined as unknown as TestServer,
    async device(username: string, label: string, options: OpenClientOptions = defaults): Promise<TestClient> {
      const client = await openClient(env.server.url, username, label, options);
      open.push(client);
      return client;
    },
    /** Closes a device before the test ends (to open others within RxDB's limit). */
    async close(client: TestClient): Promise<void> {
      open.splice(open.indexOf(client), 1);
      await client.close();
    },
  };
  beforeAll(async () => {
    env.server = await startServer({ storage });
  });
  afterAll(() => env.server?.close());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return env;
}
