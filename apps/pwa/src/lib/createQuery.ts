/**
 * RxDB observables as Solid signals.
 *
 * @example
 * const queue = createQuery(() => db.dossiers.find({ selector: { status: 1 } }).$, toPlain);
 * <For each={queue() ?? []}>…</For>
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Observable } from 'rxjs';

type Subscribable<T> = Observable<T>;

export interface QueryState<T> extends Accessor<T | undefined> {
  /** The last error the observable raised, if any. */
  error: Accessor<unknown>;
}

/**
 * Subscribes to the observable `source()` returns, again whenever the signals it reads change,
 * and unsubscribes when the owner is disposed. `undefined` until the first value (loading).
 */
export function createQuery<T>(source: () => Subscribable<T> | null | undefined): QueryState<T>;
export function createQuery<T, R>(source: () => Subscribable<T> | null | undefined, map: (value: T) => R): QueryState<R>;
export function createQuery<T, R>(
  source: () => Subscribable<T> | null | undefined,
  map?: (value: T) => R,
): QueryState<R> {
  const [value, setValue] = createSignal<R | undefined>(undefined, { equals: false });
  const [error, setError] = createSignal<unknown>(undefined);
  createEffect(() => {
    const observable = source();
    if (!observable) return;
    const subscription = observable.subscribe({
      next: (v) => setValue(() => (map ? map(v) : (v as unknown as R))),
      error: (e: unknown) => setError(() => e),
    });
    onCleanup(() => subscription.unsubscribe());
  });
  return Object.assign(value, { error });
}

/** Plain JSON of RxDB documents, for views that take plain data. */
export function toPlain<T>(docs: ReadonlyArray<{ toJSON(): unknown }>): T[] {
  return docs.map((d) => d.toJSON() as T);
}

/** Plain JSON of one RxDB document, or null. */
export function toPlainOne<T>(doc: { toJSON(): unknown } | null): T | null {
  return doc ? (doc.toJSON() as T) : null;
}
