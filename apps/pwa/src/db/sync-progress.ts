/**
 * Progress of the first, long pull of a new device: documents received so far per collection, and
 * whether every collection has caught up. RxDB stores each collection's pull checkpoint, so an
 * interrupted first sync (tab closed, network lost) resumes where it stopped: the counts start again
 * from zero but only the documents not yet on the device come down.
 * @module
 */
import { combineLatest, from, map, of, scan, startWith, type Observable } from 'rxjs';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { DeviceCollectionName } from '@motcua/model';

export interface SyncProgress {
  /** Documents pulled in this session, per collection. */
  pulled: Partial<Record<DeviceCollectionName, number>>;
  /** Every collection finished its first pull (later changes arrive live). */
  initialDone: boolean;
}

type Replications = { readonly [K in DeviceCollectionName]?: Pick<RxReplicationState<unknown, unknown>, 'received$' | 'awaitInitialReplication'> };

/** Watches the replications' received documents and their first full pull. */
export function trackSyncProgress(replications: Replications): Observable<SyncProgress> {
  const entries = Object.entries(replications) as Array<[DeviceCollectionName, NonNullable<Replications[DeviceCollectionName]>]>;
  if (entries.length === 0) return of({ pulled: {}, initialDone: true });
  const counts = entries.map(([name, r]) =>
    r.received$.pipe(scan((n) => n + 1, 0), startWith(0), map((n) => [name, n] as const)),
  );
  const done = from(Promise.all(entries.map(([, r]) => r.awaitInitialReplication())).then(() => true, () => false)).pipe(
    startWith(false),
  );
  return combineLatest([combineLatest(counts), done]).pipe(
    map(([pairs, initialDone]) => ({ pulled: Object.fromEntries(pairs) as SyncProgress['pulled'], initialDone })),
  );
}

/** Vietnamese names of the collections, for the progress line. */
export const COLLECTION_LABELS: Record<DeviceCollectionName, string> = {
  agencies: 'cơ quan',
  procedures: 'thủ tục',
  dossiers: 'hồ sơ',
  events: 'lịch sử xử lý',
  warehouse: 'giấy tờ trong kho',
  files: 'tệp',
};
