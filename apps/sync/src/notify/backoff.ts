/**
 * Exponential backoff for failed sends: `baseMs · 2^(attempt-1)`, capped, then given up.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts in all (the first one included) before a message is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 8 };

/**
 * When to try again after failed attempt number `attempt` (1-based), or null to give up.
 * @example nextAttemptAt(new Date(0), 3, DEFAULT_BACKOFF) // 120 s later
 */
export function nextAttemptAt(now: Date, attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return new Date(now.getTime() + delay);
}
