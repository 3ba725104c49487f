/**
 * The status bar's figures as signals: online, changes waiting to go up, last sync time, and the
 * last sync failure worth showing.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { map, type Observable } from 'rxjs';
import type { SyncHandle } from '../../db/index.ts';

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
  return {
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
