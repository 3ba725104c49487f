/**
 * One replicated collection against the sync server's RxDB HTTP endpoints:
 * `GET /api/sync/:c/pull`, `POST /api/sync/:c/push` and a live stream (or periodic re-sync).
 * @module
 */
import type { Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { actionLabel, isDossierActionType, type DeviceCollectionName } from '@motcua/model';
import type { ApiClient } from './api-client.ts';
import { HttpError } from './errors.ts';
import type { LocalShape } from './owner-key.ts';
import type { Checkpoint } from './pull-stream.ts';

/** The most documents sent in one push request (the server accepts up to 500). */
export const PUSH_BATCH_SIZE = 100;

export interface ReplicateCollectionOptions<T> {
  name: DeviceCollectionName;
  collection: RxCollection<T>;
  client: ApiClient;
  /** Live changes: the SSE stream, or RESYNC ticks for collections that are not streamed. */
  stream$: Observable<RxReplicationPullStreamItem<T, Checkpoint>>;
  pullBatchSize: number;
  retryTimeMs: number;
  waitForLeadership: boolean;
  /** Called after every request the server answered successfully. */
  onSynced: () => void;
  /** Called with every pull/push failure (the replication retries it). */
  onError: (error: unknown) => void;
  /** Called with each pushed change the server refused for good (it is set aside, not retried). */
  onRefused: (refusal: PushRefusal) => void;
  /** When the device keeps more of a document than the server (a local index). */
  shape?: LocalShape<T>;
  /**
   * The device only pulls this collection, never pushes it (dossiers: the server derives them from
   * actions). `toDevice` still applies to what is pulled. Nothing is kept of what the server
   * assumed, so the device holds one copy of each document.
   */
  pullOnly?: { toDevice: (doc: WithDeleted<T>) => Promise<WithDeleted<T>> };
}

/** A local change the server refused for good: invalid there, or beyond the pusher's rights. */
export interface PushRefusal {
  collection: DeviceCollectionName;
  id: string;
  /** The dossier's code when it has one, which the person knows it by (an id otherwise). */
  dossierCode?: string | null;
  /** The server's error code, e.g. `transition_refused`. */
  code: string;
  message: string;
  at: number;
}

/** The server understood the request and said no: retrying the same rows cannot change that. */
export function isRefusal(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

/**
 * The actions the server kept as refused, from its answer to a push of events: shown to their
 * author at once (the desk also lists them on the dossier, to re-apply or set aside).
 */
function reportRefusedActions(answered: readonly unknown[], onRefused: (refusal: PushRefusal) => void): void {
  type Answered = { dossierId?: unknown; action?: { type?: unknown }; outcome?: { status?: unknown; code?: unknown; reason?: unknown } };
  for (const doc of answered as Answered[]) {
    if (doc.outcome?.status !== 'refused') continue;
    const type = doc.action?.type;
    const label = isDossierActionType(type) ? actionLabel(type) : 'Thao tác';
    onRefused({
      collection: 'events', id: String(doc.dossierId), code: String(doc.outcome.code ?? 'refused'),
      message: `«${label}» không được áp dụng: ${String(doc.outcome.reason ?? '')}`, at: Date.now(),
    });
  }
}

interface PullAnswer<T> {
  documents: WithDeleted<T>[];
  checkpoint: Checkpoint | null;
}

/** Starts the replication of one collection; RxDB retries failed requests every `retryTimeMs`. */
export function replicateCollection<T>(options: ReplicateCollectionOptions<T>): RxReplicationState<T, Checkpoint> {
  const { name, client, shape } = options;
  const base = `/api/sync/${name}`;
  // Conflicts come back as the server stores them; RxDB applies the pull modifier to pulls only.
  const toDevice = (docs: WithDeleted<T>[]) => (shape ? Promise.all(docs.map(shape.toDevice)) : docs);
  const push = (rows: ReadonlyArray<{ assumedMasterState?: WithDeleted<T> | null; newDocumentState: WithDeleted<T> }>) =>
    client.json<WithDeleted<T>[]>(`${base}/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rows.map((row) => ({ assumedMasterState: row.assumedMasterState ?? null, newDocumentState: row.newDocumentState }))),
    });
  const reported = <R>(task: () => Promise<R>) => async (): Promise<R> => {
    try {
      const result = await task();
      options.onSynced();
      return result;
    } catch (error) {
      options.onError(error);
      throw error;
    }
  };

  const pullModifier = options.pullOnly?.toDevice ?? shape?.toDevice;
  return replicateRxCollection<T, Checkpoint>({
    replicationIdentifier: `motcua-${name}-${client.baseUrl || 'same-origin'}`,
    collection: options.collection,
    live: true,
    retryTime: options.retryTimeMs,
    waitForLeadership: options.waitForLeadership,
    autoStart: true,
    pull: {
      batchSize: options.pullBatchSize,
      stream$: options.stream$,
      ...(pullModifier ? { modifier: pullModifier } : {}),
      handler: (checkpoint, batchSize) =>
        reported(async () => {
          const query = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
          const answer = await client.json<PullAnswer<T>>(`${base}/pull?${query}`);
          return { documents: answer.documents, checkpoint: answer.checkpoint ?? checkpoint };
        })(),
    },
    push: options.pullOnly ? undefined : {
      batchSize: PUSH_BATCH_SIZE,
      ...(shape ? { modifier: shape.toServer } : {}),
      handler: (rows) =>
        reported(async () => {
          try {
            const answered = await push(rows);
            if (name === 'events') reportRefusedActions(answered, options.onRefused);
            return await toDevice(answered);
          } catch (error) {
            if (!isRefusal(error)) throw error;
            // The server refuses a batch whole. Each row alone, so that one refused change does
            // not hold back every change after it; a refused row is reported and set aside.
            const conflicts: WithDeleted<T>[] = [];
            for (const row of rows) {
              try {
                conflicts.push(...(await push([row])));
              } catch (single) {
                if (!isRefusal(single)) throw single;
                const { id, code } = row.newDocumentState as { id?: unknown; code?: unknown };
                options.onRefused({
                  collection: name, id: String(id), code: single.serverCode, message: single.message, at: Date.now(),
                  dossierCode: name === 'dossiers' && typeof code === 'string' ? code : null,
                });
              }
            }
            return toDevice(conflicts);
          }
        })(),
    },
  });
}
