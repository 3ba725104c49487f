/** Exponential backoff with jitter, and a wait that can be cut short. @module */

export interface BackoffOptions {
  /** First delay, ms (default 1000). */
  initialMs?: number;
  /** Largest delay, ms (default 30000). */
  maxMs?: number;
}

export interface Backoff {
  /** The next delay: doubles each time up to `maxMs`, ±20% jitter. */
  next(): number;
  reset(): void;
}

export function createBackoff({ initialMs = 1000, maxMs = 30_000 }: BackoffOptions = {}): Backoff {
  let attempt = 0;
  return {
    next() {
      const base = Math.min(maxMs, initialMs * 2 ** attempt);
      attempt++;
      return Math.round(base * (0.8 + Math.random() * 0.4));
    },
    reset() {
      attempt = 0;
    },
  };
}

/** Resolves after `ms`, or as soon as `signal` aborts or `wake` is called. */
export function sleep(ms: number, signal?: AbortSignal): { promise: Promise<void>; wake: () => void } {
  let wake = () => {};
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    wake = done;
    signal?.addEventListener('abort', done, { once: true });
  });
  return { promise, wake };
}
