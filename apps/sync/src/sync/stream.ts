/**
 * The live pull stream (server-sent events). On connect it sends `"RESYNC"` so the client pulls
 * what it missed; then, whenever the collection changes, it re-reads from its own cursor with the
 * subscriber's scope and sends `{"documents":[...],"checkpoint":{...}}`.
 */
import type { CollectionName, SessionUser } from '@motcua/model';
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
  /** Who reads: each document is sent as they may read it. */
  reader: SessionUser;
  /** Whether the subscriber's token still stands (not signed out, locked or revoked). */
  stillValid: () => Promise<boolean>;
  heartbeatMs?: number;
  /** How often the token is checked again besides every `sessions` notice (default 5 s). */
  recheckMs?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
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
            const batch = await pullDocuments(store, collection, scope, { seq: cursor }, 500, options.reader);
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

    let end: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      end = () => {
        closed = true;
        resolve();
      };
      stream.onAbort(end);
    });
    // A session ended (sign-out, a locked account, a revoked device) ends its live streams at once.
    const recheck = () =>
      void options.stillValid().then((valid) => {
        if (!valid && !closed) {
          log.info('stream closed: session ended', { collection });
          end();
        }
      });
    const unsubscribe = [bus.subscribe(collection, () => void flush()), bus.subscribe('sessions', recheck)];
    const timers = [
      setInterval(() => {
        stream.write(': ping\n\n').catch((error: unknown) => {
          log.debug('stream ping failed', { collection, error: String(error) });
          end();
        });
      }, options.heartbeatMs ?? 25_000),
      setInterval(recheck, options.recheckMs ?? 5000),
    ];
    try {
      await stream.writeSSE({ data: JSON.stringify('RESYNC') });
      await done;
    } finally {
      timers.forEach(clearInterval);
      unsubscribe.forEach((off) => off());
      options.onClose?.();
    }
  });
}
