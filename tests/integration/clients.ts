/**
 * Device clients for the integration suites: each one is an RxDB database (memory storage, dev-mode)
 * signed in as a demo user, replicating with the real sync server through `startReplication`.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { sha256Hex } from '@motcua/crypto';
import * as Automerge from '@automerge/automerge';
import type { DeviceCollectionName, Dossier, DossierAction, DossierEvent, Procedure, SessionUser } from '@motcua/model';
import { newActorId } from '../../apps/pwa/src/db/content-engine.ts';
import { makeDossierWriter, type ContentEdit } from '../../apps/pwa/src/features/dossier/makeDossierWriter.ts';
import { makeRxDossierStore } from '../../apps/pwa/src/features/dossier/makeRxDossierStore.ts';
import { makeDeviceChain } from '../../apps/pwa/src/lib/deviceChain.ts';
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
  /** Takes an action on a local dossier through the app's writer (its event goes up when synced). */
  act(dossierId: string, action: DossierAction, now?: Date, edit?: ContentEdit): Promise<{ dossier: Dossier; event: DossierEvent }>;
  /** Edits a local dossier's declared content through the app's writer. */
  edit(dossierId: string, edit: ContentEdit, now?: Date): Promise<{ dossier: Dossier; event: DossierEvent }>;
  /** Sends a draft made on this device to the server as a new dossier (the `create` action). */
  create(draft: Dossier, procedure: Procedure): Promise<{ dossier: Dossier; event: DossierEvent }>;
  /** Keeps a citizen's draft on this device only (nothing goes up until it is created). */
  saveDraft(draft: Dossier): Promise<void>;
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
  const deviceId = `dev-${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  let session: LoginAnswer = await login(url, username, DEMO_PASSWORD, deviceId);
  const db = await createDatabase({
    storage: getRxStorageMemory(),
    name: uniqueName(label.replace(/[^a-z0-9]/gi, '').toLowerCase()),
    collections: options.collections ?? ['dossiers', 'events', 'files'],
  });
  const chainStorage = new Map<string, string>([['motcua.deviceId', deviceId]]);
  let clock: Date | null = null;
  const writer = makeDossierWriter({
    store: makeRxDossierStore(db),
    chain: makeDeviceChain({
      storage: { getItem: (k) => chainStorage.get(k) ?? null, setItem: (k, v) => void chainStorage.set(k, v), removeItem: (k) => void chainStorage.delete(k) },
    }),
    actor: { userId: session.user.id, name: session.user.fullName, role: session.user.role },
    ownerCccd: session.user.cccd,
    engine: async () => Automerge,
    sha256Hex: (text) => sha256Hex(text),
    newId: () => crypto.randomUUID(),
    newActor: newActorId,
    now: () => clock ?? new Date(),
  });
  /** Runs `task` with the writer's clock at `now` (a device whose clock says so). */
  const at = async <T,>(now: Date | undefined, task: () => Promise<T>): Promise<T> => {
    clock = now ?? null;
    try {
      return await task();
    } finally {
      clock = null;
    }
  };

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
        deviceId,
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
    act: (dossierId, action, now, edit) => at(now, () => writer.apply(dossierId, action, edit)),
    edit: (dossierId, edit, now) => at(now, () => writer.edit(dossierId, edit)),
    create: (draft, procedure) => writer.create(draft, procedure),
    saveDraft: (draft) => writer.saveDraft(draft),
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
