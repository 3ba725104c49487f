/**
 * The live pull stream (server-sent events). On connect it sends `"RESYNC"` so the client pulls
 * what it missed; then, whenever the collection changes, it re-reads from its own cursor with the
 * subscriber's scope and sends `{"documents":[...],"checkpoint":{...}}`.
 */
import type { CollectionName } from '@motcua/model';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Logger } from '../log.ts';
import type { ScopeFilter, SyncStore } from '../store/types.ts';
import type { ChangeBus } from './change-bus.ts';
import { pullDocuments } from './pull.ts';

export interface StreamOptions {
  store: SyncStore;
  bus: ChangeBus;
  log: Logger;
  collection: CollectionName;
  scope: ScopeFilter;
  heartbeatMs?: number;
}

export function pullStream(c: Context, options: StreamOptions): Response {
  const { store, bus, log, collection, scope } = options;
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let cursor = await store.documents.maxSeq();
    let dirty = false;
    let running = false;
    let closed = false;

    const flush = async () => {
      if (running) return void (dirty = true);
      running = true;
      try {
        do {
          dirty = false;
          for (;;) {
            const batch = await pullDocuments(store, collection, scope, { seq: cursor }, 500);
            if (batch.documents.length === 0 || closed) break;
            cursor = batch.checkpoint!.seq;
            await stream.writeSSE({ data: JSON.stringify(batch) });
          }
        } while (dirty && !closed);
      } catch (error) {
        log.warn('stream flush failed', { collection, error: String(error) });
      } finally {
        running = false;
      }
    };

    const unsubscribe = bus.subscribe(collection, () => void flush());
    const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => {}), options.heartbeatMs ?? 25_000);
    const done = new Promise<void>((resolve) => {
      stream.onAbort(() => {
        closed = true;
        resolve();
      });
    });
    try {
      await stream.writeSSE({ data: JSON.stringify('RESYNC') });
      await done;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}
