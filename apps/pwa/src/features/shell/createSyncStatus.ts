/**
 * The status bar's figures as signals: online, changes waiting to go up, last sync time, and the
 * last sync failure worth showing.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { map, type Observable } from 'rxjs';
import type { SyncHandle } from '../../db/index.ts';
import { COLLECTION_LABELS, type SyncProgress } from '../../db/sync-progress.ts';

/**
 * What the status bar lists during the first pull: collections that received documents. A start
 * that brings fewer than `minimum` documents (an ordinary catch-up) shows nothing.
 */
export function initialSyncRows(progress: SyncProgress, minimum = 100): Array<{ label: string; count: number }> | null {
  if (progress.initialDone) return null;
  const total = Object.values(progress.pulled).reduce((a, n) => a + (n ?? 0), 0);
  if (total < minimum) return null;
  const rows = Object.entries(progress.pulled)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([name, n]) => ({ label: COLLECTION_LABELS[name as keyof typeof COLLECTION_LABELS], count: n ?? 0 }));
  return rows.length > 0 ? rows : null;
}

function follow<T>(observable: Observable<T>, initial: T): Accessor<T> {
  const [value, setValue] = createSignal<T>(initial);
  const subscription = observable.subscribe((v) => setValue(() => v));
  onCleanup(() => subscription.unsubscribe());
  return value;
}

export interface SyncStatus {
  online: Accessor<boolean>;
  pending: Accessor<number>;
  lastSyncedAt: Accessor<Date | null>;
  lastError: Accessor<Error | null>;
  /** Rows of the first full pull while it runs, else null. */
  initialSync: Accessor<Array<{ label: string; count: number }> | null>;
  /** Changes the server refused for good, one line each ("hồ sơ …: reason"). */
  refused: Accessor<string[]>;
}

/** Owns subscriptions: call inside a component. */
export function createSyncStatus(sync: SyncHandle): SyncStatus {
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const update = () => setBrowserOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  const serverOnline = follow(sync.online$, false);
  const lastSyncedAt = follow(sync.lastSyncedAt$, null);
  const lastError = follow<{ error: Error; at: number } | null>(sync.error$.pipe(map((error) => ({ error, at: Date.now() }))), null);
  const progress = follow(sync.progress$, { pulled: {}, initialDone: false });
  const refused = follow(sync.refused$, []);
  return {
    refused: () => refused().map((r) => `${COLLECTION_LABELS[r.collection]} ${r.dossierCode ?? r.id}: ${r.message}`),
    initialSync: () => initialSyncRows(progress()),
    online: () => browserOnline() && serverOnline(),
    pending: follow(sync.pending$, 0),
    lastSyncedAt,
    lastError: () => {
      const failure = lastError();
      const synced = lastSyncedAt();
      // A failure older than the last successful exchange is over.
      return failure && (!synced || failure.at > synced.getTime()) ? failure.error : null;
    },
  };
}
