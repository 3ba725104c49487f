/**
 * In-process notification that a collection has new rows, for the live pull streams. Subscribers
 * re-read through the store with their own scope, so nothing out of scope is ever sent.
 */
import type { CollectionName } from '@motcua/model';

export interface ChangeBus {
  publish(collection: CollectionName): void;
  subscribe(collection: CollectionName, listener: () => void): () => void;
}

export function createChangeBus(): ChangeBus {
  const listeners = new Map<CollectionName, Set<() => void>>();
  return {
    publish(collection) {
      for (const listener of listeners.get(collection) ?? []) listener();
    },
    subscribe(collection, listener) {
      const set = listeners.get(collection) ?? new Set();
      set.add(listener);
      listeners.set(collection, set);
      return () => set.delete(listener);
    },
  };
}
