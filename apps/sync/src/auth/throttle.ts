/**
 * Slows password guessing: after `maxFailures` failed logins for one username within `windowMs`,
 * further attempts are refused with 429 until the window passes. In memory: a restart forgets,
 * which is acceptable for a limit that only has to make guessing impractical.
 */
import { HttpError } from '../errors.ts';

export interface LoginThrottle {
  /** Throws 429 `too_many_attempts` while `key` is locked out. */
  check(key: string, now?: number): void;
  fail(key: string, now?: number): void;
  succeed(key: string): void;
}

export function createLoginThrottle(
  options: { maxFailures?: number; windowMs?: number; message?: (minutes: number) => string } = {},
): LoginThrottle {
  const maxFailures = options.maxFailures ?? 10;
  const message = options.message ?? ((wait: number) => `Đăng nhập sai quá nhiều lần, hãy thử lại sau ${wait} phút`);
  const windowMs = options.windowMs ?? 15 * 60_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < windowMs);

  return {
    check(key, now = Date.now()) {
      const list = recent(key, now);
      if (list.length === 0) failures.delete(key);
      if (list.length >= maxFailures) {
        const wait = Math.ceil((list[0]! + windowMs - now) / 60_000);
        throw new HttpError(429, 'too_many_attempts', message(wait));
      }
    },
    fail(key, now = Date.now()) {
      if (failures.size > 100_000) failures.clear();
      failures.set(key, [...recent(key, now), now]);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
