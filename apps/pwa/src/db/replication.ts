/**
 * Keeps the local database in sync with the sync server: every replicated collection both ways,
 * live changes by server-sent events, and the bytes of locally saved files.
 * @module
 */
import {
  BehaviorSubject, combineLatest, distinctUntilChanged, EMPTY, filter, fromEvent, interval, map, merge, pairwise, startWith, Subject, tap,
  type Observable,
} from 'rxjs';
import { addRxPlugin, type RxCollection, type RxReplicationPullStreamItem } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { PendingTracker } from './pending.ts';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import type { DeviceCollectionName, Dossier } from '@motcua/model';
import { loadContentEngine } from './content-engine.ts';
import { trackOwnActions } from './own-actions.ts';
import { createApiClient, type ApiClient, type GetAccessToken } from './api-client.ts';
import { trackSyncProgress, type SyncProgress } from './sync-progress.ts';
import type { BackoffOptions } from './backoff.ts';
import { openCollectionNames, type MotcuaDatabase } from './database.ts';
import { OfflineError } from './errors.ts';
import { startFileUploader } from './file-uploader.ts';
import { clearFileRemote, setFileRemote } from './files.ts';
import { trackPending } from './pending.ts';
import { ownerKeyShape } from './owner-key.ts';
import { createPullStream, type Checkpoint } from './pull-stream.ts';
import { databaseEntryKey } from './database-entries.ts';
import { createRefusalLog } from './refusals.ts';
import { shareFromLeader } from './leader-status.ts';
import { replicateCollection, type PushRefusal } from './replicate-collection.ts';

addRxPlugin(RxDBLeaderElectionPlugin);

export interface ReplicationOptions {
  /** The sync server's origin, e.g. `https://motcua.kontum.gov.vn`; '' for the page's own origin. */
  baseUrl: string;
  /** The access token; called again with `{ refresh: true }` after a 401. */
  getAccessToken: GetAccessToken;
  fetch?: typeof fetch;
  /**
   * Collections with a live SSE stream. Each stream holds one connection, and browsers allow six per
   * origin over HTTP/1.1, so the rarely changing catalog (agencies, procedures) is re-pulled on a
   * timer and on reconnect instead. Default: dossiers, events, files, warehouse.
   */
  streamCollections?: DeviceCollectionName[];
  /** How often collections without a stream re-pull, ms (default 5 minutes). */
  pollIntervalMs?: number;
  /** How long RxDB waits before retrying a failed pull or push, ms (default 5000). */
  retryTimeMs?: number;
  pullBatchSize?: number;
  /** Reconnect delays of the live streams and the uploader. */
  backoff?: BackoffOptions;
  /** This device's id (its event chain's): its own pending actions are shown on pulled dossiers. */
  deviceId: string;
}

/** The status bar's figures, as the leader tab tells the others (`lastSyncedAt` in ms). */
interface SharedStatus {
  pending: number;
  online: boolean;
  lastSyncedAt: number | null;
}

/** What the screens watch and control of the running sync. */
export interface SyncHandle {
  /** The server is reachable (its last answer came through), as the replicating tab sees it. */
  readonly online$: Observable<boolean>;
  /** Local documents changed and not acknowledged by the server, plus files not yet uploaded. */
  readonly pending$: Observable<number>;
  /** When the server last answered a pull, push or stream message. */
  readonly lastSyncedAt$: Observable<Date | null>;
  /** Failures worth showing (being offline is not one: see `online$`). */
  readonly error$: Observable<Error>;
  /** Local changes the server refused for good; set aside so that the rest sync. */
  readonly refused$: Observable<PushRefusal[]>;
  /** The person has seen the refusals. */
  clearRefused(): void;
  /** The server client this sync talks through (for other calls that share its token and online state). */
  readonly client: ApiClient;
  /** Documents pulled so far per collection, and whether the first full pull is done. */
  readonly progress$: Observable<SyncProgress>;
  /** The RxDB replication of each open collection, for awaiting or inspection. */
  readonly replications: { readonly [K in DeviceCollectionName]?: RxReplicationState<unknown, Checkpoint> };
  /** Pulls everything again, pushes and uploads what waits, reconnects the streams now. */
  reSync(): void;
  /** Resolves once nothing waits to go up or come down (may wait forever while offline). */
  awaitInSync(): Promise<void>;
  /** Stops every replication, stream and upload; the database stays open. */
  stop(): Promise<void>;
}

const DEFAULT_STREAMED: DeviceCollectionName[] = ['dossiers', 'events', 'files', 'warehouse'];

/**
 * Starts replicating `db` with the server. Call once per database, after sign-in.
 *
 * @example
 * const sync = startReplication(db, {
 *   baseUrl: location.origin,
 *   getAccessToken: (o) => (o?.refresh ? refreshAndGetToken() : auth.getAccessToken()),
 * });
 * sync.pending$.subscribe((n) => setBadge(n));
 * // on sign-out: await sync.stop(); await closeDatabase(db);
 */
export function startReplication(db: MotcuaDatabase, options: ReplicationOptions): SyncHandle {
  const client = createApiClient(options);
  const storage = globalThis.localStorage ?? null;
  // Remembered across reloads: a desk reopened offline still says when it last reached the server.
  const syncedKey = databaseEntryKey('lastSynced', db.name);
  const remembered = Number(storage?.getItem(syncedKey) ?? 0);
  const lastSyncedAt = new BehaviorSubject<Date | null>(remembered > 0 ? new Date(remembered) : null);
  const errors = new Subject<Error>();
  const wake = new Subject<void>();
  const streamed = new Set(options.streamCollections ?? DEFAULT_STREAMED);
  const onSynced = () => {
    const now = new Date();
    lastSyncedAt.next(now);
    storage?.setItem(syncedKey, String(now.getTime()));
  };
  const otherTabs$ = typeof window === 'undefined' ? EMPTY : fromEvent<StorageEvent>(window, 'storage').pipe(map((e) => e.key));
  const refusals = createRefusalLog(storage, databaseEntryKey('refused', db.name), otherTabs$);
  const onError = (error: unknown) => {
    if (!(error instanceof OfflineError)) errors.next(error instanceof Error ? error : new Error(String(error)));
  };
  const reconnected$ = client.online$.pipe(startWith(false), distinctUntilChanged(), pairwise(), filter(([was, is]) => !was && is));

  const replications: Partial<Record<DeviceCollectionName, RxReplicationState<unknown, Checkpoint>>> = {};
  const trackers: PendingTracker[] = [];
  const ownActions = db.collections.events ? trackOwnActions(db.events, options.deviceId, loadContentEngine) : null;
  for (const name of openCollectionNames(db)) {
    const collection = db[name] as RxCollection<unknown>;
    const stream$: Observable<RxReplicationPullStreamItem<unknown, Checkpoint>> = streamed.has(name)
      ? createPullStream<unknown>({ client, collection: name, backoff: options.backoff, wake$: wake, onError })
          .pipe(tap((item) => item !== 'RESYNC' && onSynced()))
      : merge(reconnected$, interval(options.pollIntervalMs ?? 5 * 60_000)).pipe(map(() => 'RESYNC' as const));
    const replication = replicateCollection<unknown>({
      name, collection, client, stream$, onSynced, onError, onRefused: refusals.add,
      ...(name === 'warehouse' ? { shape: ownerKeyShape<unknown>(db) } : {}),
      // Dossiers come only from the server, with this device's actions it has not answered yet on top.
      ...(name === 'dossiers'
        ? { pullOnly: { toDevice: async (doc: unknown) => (ownActions ? ownActions.project(doc as Dossier) : doc) as never } }
        : {}),
      pullBatchSize: options.pullBatchSize ?? 200,
      retryTimeMs: options.retryTimeMs ?? 5000,
      waitForLeadership: db.multiInstance,
    });
    replications[name] = replication;
    // What waits to go up are the events (actions): a dossier is never sent.
    if (name !== 'dossiers') trackers.push(trackPending(collection, replication));
  }

  const states = () => Object.values(replications);
  // With several tabs, only the leader replicates (RxDB waits for leadership) and uploads.
  const ready = db.multiInstance ? db.waitForLeadership() : Promise.resolve(true);
  const uploader = startFileUploader(db, client, { backoff: options.backoff, ready });
  const ownPending$ = combineLatest([...trackers.map((t) => t.count$), uploader.pending$]).pipe(
    map((counts) => counts.reduce((a, b) => a + b, 0)),
    distinctUntilChanged(),
  );
  // Only the leader tab knows these; the other tabs show what it tells them.
  const ownStatus$: Observable<SharedStatus> = combineLatest({
    pending: ownPending$,
    online: client.online$,
    lastSyncedAt: lastSyncedAt.pipe(map((at) => at?.getTime() ?? null)),
  });
  // (A browser without BroadcastChannel shows each tab's own figures.)
  const status = db.multiInstance && typeof BroadcastChannel !== 'undefined'
    ? shareFromLeader(`motcua.status.${db.name}`, ownStatus$, ready, { pending: 0, online: false, lastSyncedAt: remembered || null })
    : { value$: ownStatus$, stop: () => {} };
  const field = <K extends keyof SharedStatus>(name: K) => status.value$.pipe(map((value) => value[name]), distinctUntilChanged());
  const remote = { client };
  setFileRemote(db, remote);
  const subs = [
    uploader.error$.subscribe(onError),
    // RxDB's own failures (e.g. a pulled document that breaks the schema); pull/push failures were
    // already reported with their typed error by the handlers.
    merge(...states().map((r) => r.error$))
      .pipe(filter((e) => e.code !== 'RC_PULL' && e.code !== 'RC_PUSH'))
      .subscribe(onError),
  ];

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      subs.forEach((s) => s.unsubscribe());
      uploader.stop();
      trackers.forEach((t) => t.stop());
      ownActions?.stop();
      status.stop();
      refusals.stop();
      clearFileRemote(db, remote);
      await Promise.all(states().map((r) => r.cancel()));
      lastSyncedAt.complete();
      errors.complete();
    })());
  db.onClose.push(stop);

  return {
    online$: field('online'),
    pending$: field('pending'),
    lastSyncedAt$: field('lastSyncedAt').pipe(map((at) => (at === null ? null : new Date(at)))),
    error$: errors.asObservable(),
    refused$: refusals.refused$,
    clearRefused: refusals.clear,
    client,
    progress$: trackSyncProgress(replications),
    replications,
    reSync() {
      wake.next();
      states().forEach((r) => r.reSync());
      uploader.kick();
    },
    async awaitInSync() {
      await Promise.all(states().map((r) => r.awaitInSync()));
      await uploader.idle();
    },
    stop,
  };
}
