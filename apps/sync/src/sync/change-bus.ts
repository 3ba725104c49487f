/**
 * In-process notification that a collection has new rows, for the live pull streams. Subscribers
 * re-read through the store with their own scope, so nothing out of scope is ever sent. The topic
 * `sessions` says that a session, a device or an account was ended or changed: every live stream
 * checks its token again at once.
 */
import type { CollectionName } from '@motcua/model';

export type BusTopic = CollectionName | 'sessions';

export interface ChangeBus {
  publish(topic: BusTopic): void;
  subscribe(topic: BusTopic, listener: () => void): () => void;
}

export function createChangeBus(): ChangeBus {
  const listeners = new Map<BusTopic, Set<() => void>>();
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
