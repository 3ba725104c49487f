/**
 * One replicated collection against the sync server's RxDB HTTP endpoints:
 * `GET /api/sync/:c/pull`, `POST /api/sync/:c/push` and a live stream (or periodic re-sync).
 * @module
 */
import type { Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '@motcua/model';
import type { ApiClient } from './api-client.ts';
import type { Checkpoint } from './pull-stream.ts';

/** The most documents sent in one push request (the server accepts up to 500). */
export const PUSH_BATCH_SIZE = 100;

export interface ReplicateCollectionOptions<T> {
  name: CollectionName;
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
}

interface PullAnswer<T> {
  documents: WithDeleted<T>[];
  checkpoint: Checkpoint | null;
}

/** Starts the replication of one collection; RxDB retries failed requests every `retryTimeMs`. */
export function replicateCollection<T>(options: ReplicateCollectionOptions<T>): RxReplicationState<T, Checkpoint> {
  const { name, client } = options;
  const base = `/api/sync/${name}`;
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
      handler: (checkpoint, batchSize) =>
        reported(async () => {
          const query = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
          const answer = await client.json<PullAnswer<T>>(`${base}/pull?${query}`);
          return { documents: answer.documents, checkpoint: answer.checkpoint ?? checkpoint };
        })(),
    },
    push: {
      batchSize: PUSH_BATCH_SIZE,
      handler: (rows) =>
        reported(async () => {
          const body = rows.map((row) => ({
            assumedMasterState: row.assumedMasterState ?? null,
            newDocumentState: row.newDocumentState,
          }));
          return client.json<WithDeleted<T>[]>(`${base}/push`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
        })(),
    },
  });
}
