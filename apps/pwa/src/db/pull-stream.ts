/**
 * The live pull stream of one collection: `GET /api/sync/:collection/pull/stream` read with fetch and
 * a ReadableStream (so the Bearer header works), reconnected with backoff for as long as it is
 * subscribed. Emits `'RESYNC'` on every (re)connection so that RxDB pulls whatever it missed.
 * @module
 */
import { Observable, type Subscription } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { ApiClient } from './api-client.ts';
import { httpError } from './api-client.ts';
import { createBackoff, sleep, type BackoffOptions } from './backoff.ts';
import { SyncError } from './errors.ts';
import { createSseParser } from './sse.ts';

export interface Checkpoint {
  seq: number;
}

export interface PullStreamOptions {
  client: ApiClient;
  collection: string;
  backoff?: BackoffOptions;
  /** Reconnect when nothing (not even a keep-alive comment) arrived for this long, ms (default 60000). */
  idleTimeoutMs?: number;
  /** Each emission cuts a pending reconnect delay short (e.g. on reSync()). */
  wake$?: Observable<unknown>;
  /** Reports failures; the stream keeps retrying. */
  onError?: (error: unknown) => void;
}

/** A cold observable: subscribing opens the stream, unsubscribing closes it for good. */
export function createPullStream<T>(options: PullStreamOptions): Observable<RxReplicationPullStreamItem<T, Checkpoint>> {
  return new Observable((subscriber) => {
    const stop = new AbortController();
    const backoff = createBackoff(options.backoff);
    let wakeNow: () => void = () => {};
    const wakeSub: Subscription | undefined = options.wake$?.subscribe(() => wakeNow());
    const path = `/api/sync/${encodeURIComponent(options.collection)}/pull/stream`;

    async function connectOnce(): Promise<void> {
      const connection = new AbortController();
      const abortConnection = () => connection.abort();
      stop.signal.addEventListener('abort', abortConnection, { once: true });
      let idleTimer: ReturnType<typeof setTimeout> | undefined;
      const touch = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(abortConnection, options.idleTimeoutMs ?? 60_000);
      };
      try {
        touch();
        const response = await options.client.request(path, {
          headers: { Accept: 'text/event-stream' },
          signal: connection.signal,
        });
        if (!response.ok || !response.body) throw await httpError(response, path);
        backoff.reset();
        subscriber.next('RESYNC');
        const parser = createSseParser((message) => {
          const item = JSON.parse(message.data) as RxReplicationPullStreamItem<T, Checkpoint>;
          subscriber.next(item);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          touch();
          parser.push(value);
        }
      } finally {
        clearTimeout(idleTimer);
        stop.signal.removeEventListener('abort', abortConnection);
      }
    }

    void (async () => {
      while (!stop.signal.aborted) {
        try {
          await connectOnce();
        } catch (error) {
          if (stop.signal.aborted) break;
          if (!(error instanceof SyncError && error.code === 'offline') && !isAbort(error)) {
            options.onError?.(error);
          } else if (!isAbort(error)) {
            options.client.setOnline(false);
          }
        }
        if (stop.signal.aborted) break;
        const wait = sleep(backoff.next(), stop.signal);
        wakeNow = wait.wake;
        await wait.promise;
      }
    })();

    return () => {
      wakeSub?.unsubscribe();
      stop.abort();
    };
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
