/**
 * A fixed-budget limiter per key (a client address): at most `max` requests within `windowMs`.
 * In memory, like the login throttle: it only has to make guessing dossier codes impractical.
 */
import { HttpError } from '../errors.ts';

export interface RateLimit {
  /** Counts one request for `key`; throws 429 `rate_limited` when the budget is spent. */
  hit(key: string, now?: number): void;
}

export function createRateLimit(options: { max?: number; windowMs?: number } = {}): RateLimit {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const hits = new Map<string, number[]>();
  return {
    hit(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((at) => now - at < windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        const wait = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
        throw new HttpError(429, 'rate_limited', `Tra cứu quá nhiều lần, vui lòng thử lại sau ${wait} giây`);
      }
      if (hits.size > 100_000) hits.clear();
      hits.set(key, [...recent, now]);
    },
  };
}
