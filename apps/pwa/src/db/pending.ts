/**
 * Counts the documents of one replicated collection that changed on this device and that the
 * server has not acknowledged yet.
 *
 * @remarks A document is pending when its local state differs from the state RxDB assumes the
 * server holds (kept in the replication's meta instance), which is exactly what RxDB would push.
 * The set is computed once when the replication starts, then re-checked for each local change and
 * whenever the replication becomes idle (after a push was acknowledged). Rechecks run one after
 * another, so a recheck that read the state just before an acknowledgement is always followed by one
 * that reads it after.
 * @module
 */
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { getComposedPrimaryKeyOfDocumentData, type RxCollection, type WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

export interface PendingTracker {
  readonly count$: Observable<number>;
  stop(): void;
}

/** Starts tracking; the count is 0 until the replication has started. */
export function trackPending<T, C>(collection: RxCollection<T>, replication: RxReplicationState<T, C>): PendingTracker {
  const count = new BehaviorSubject(0);
  const pending = new Set<string>();
  const subs: Subscription[] = [];
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  let active = true;

  /** Queues a recheck; `ids` is read when the recheck runs, after those queued before it. */
  function check(ids: () => Iterable<string>): void {
    // A failed recheck is reported and the queue goes on: the next change rechecks the same ids.
    queue = queue.then(() => recheck([...new Set(ids())])).catch((error: unknown) => console.warn('pending count: recheck failed', error));
  }

  async function recheck(ids: string[]): Promise<void> {
    const meta = replication.metaInstance;
    if (ids.length === 0 || stopped || !meta || collection.closed) return;
    const forkDocs = await collection.storageInstance.findDocumentsById(ids, true);
    const metaIds = ids.map((id) => getComposedPrimaryKeyOfDocumentData(meta.schema, { itemId: id, isCheckpoint: '0' }));
    // With nothing to send and not paused, RxDB will not push a document it has no record of: it
    // was pulled, and the record of that pull was lost (the tab closed between the two writes).
    const settled = !active && !replication.isPaused();
    const metaDocs = await meta.findDocumentsById(metaIds, true);
    const assumed = new Map(metaDocs.map((m) => [m.itemId, m.docData as WithDeleted<T>]));
    const primary = collection.schema.primaryPath as string;
    const present = new Set<string>();
    for (const doc of forkDocs) {
      const id = (doc as Record<string, unknown>)[primary] as string;
      present.add(id);
      const master = assumed.get(id);
      const state = toDocState(doc);
      const synced = master
        ? collection.conflictHandler.isEqual(master, state as WithDeleted<T>, 'motcua-pending')
        : doc._deleted || settled;
      if (synced) pending.delete(id);
      else pending.add(id);
    }
    for (const id of ids) if (!present.has(id)) pending.delete(id);
    if (!stopped && count.value !== pending.size) count.next(pending.size);
  }

  void replication.startPromise.then(async () => {
    if (stopped || collection.closed) return;
    const docs = await collection.find().exec();
    check(() => docs.map((d) => d.primary));
    subs.push(
      collection.eventBulks$.subscribe((bulk) => check(() => bulk.events.map((e) => e.documentId))),
      replication.active$.subscribe((busy) => {
        active = busy;
        // The pending set as it is once earlier rechecks are done: one of them may still be adding
        // a document whose push has just been acknowledged.
        if (!busy) check(() => pending);
      }),
    );
  });

  return {
    count$: count.asObservable(),
    stop() {
      stopped = true;
      subs.forEach((s) => s.unsubscribe());
      count.complete();
    },
  };
}

/** The replicated part of a stored document: without `_meta`, `_rev` and `_attachments`. */
function toDocState<T>(doc: Record<string, unknown> | T): WithDeleted<T> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc as Record<string, unknown>;
  return rest as WithDeleted<T>;
}
