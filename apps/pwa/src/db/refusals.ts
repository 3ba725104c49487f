/**
 * The local changes the server refused for good, per database: set aside so that the rest sync,
 * and listed in the status bar until the person has seen them. Kept in `storage` (ids, codes and
 * the server's reason only, never a document's content) so that a reload, and every other tab of
 * the database, shows them.
 * @module
 */
import { BehaviorSubject, EMPTY, filter, type Observable } from 'rxjs';
import type { PushRefusal } from './replicate-collection.ts';

const MAX_KEPT = 50;

export interface RefusalLog {
  readonly refused$: Observable<PushRefusal[]>;
  add: (refusal: PushRefusal) => void;
  clear: () => void;
  stop(): void;
}

/**
 * `changed$`: the keys another tab changed in `storage` (its `storage` events; null when it was
 * cleared), so that a tab that does not replicate lists what the replicating tab was refused.
 */
export function createRefusalLog(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  key: string,
  changed$: Observable<string | null> = EMPTY,
): RefusalLog {
  const read = (): PushRefusal[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PushRefusal[]) : [];
    } catch {
      return [];
    }
  };
  const list = new BehaviorSubject<PushRefusal[]>(read());
  const sub = changed$.pipe(filter((changed) => changed === key || changed === null)).subscribe(() => list.next(read()));
  const save = (next: PushRefusal[]) => {
    list.next(next);
    if (next.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(next));
  };
  return {
    refused$: list.asObservable(),
    add(refusal) {
      // A retried batch may report the same refusal again: one line per document.
      const others = list.value.filter((r) => r.collection !== refusal.collection || r.id !== refusal.id);
      save([...others, refusal].slice(-MAX_KEPT));
    },
    clear: () => save([]),
    stop: () => sub.unsubscribe(),
  };
}
