/**
 * @module errors — the base of every error the model throws.
 *
 * @remarks Callers branch on `code` (stable, English, snake_case); `message` is Vietnamese and says
 * what is wrong so it can be shown to an officer or a citizen as is.
 */
export class ModelError extends Error {
  /** Stable machine-readable code, e.g. `transition_refused`, `cccd_province`. */
  readonly code: string;
  /** Optional structured details (the offending value, the expected shape…). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.details = details;
  }
}

/** True when `e` is a {@link ModelError}, optionally with the given code. */
export function isModelError(e: unknown, code?: string): e is ModelError {
  return e instanceof ModelError && (code === undefined || e.code === code);
}
