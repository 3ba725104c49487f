/**
 * Typed HTTP errors and the one place that turns any failure into `{ error: { code, message } }`.
 */
import { ModelError } from '@motcua/model';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './log.ts';

/** A failure the client caused or must know about, with a stable `code`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
export const unauthorized = (code: string, message: string) => new HttpError(401, code, message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const unprocessable = (code: string, message: string) => new HttpError(422, code, message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The disk (or the database's) is full: PostgreSQL's `disk_full` (53100) or the system's ENOSPC. */
export function isStorageFull(err: unknown): boolean {
  const { code, errno } = (err ?? {}) as { code?: unknown; errno?: unknown };
  return code === '53100' || code === 'ENOSPC' || errno === -28 || /\bENOSPC\b|No space left on device/i.test(String(err));
}

/** Hono `onError`: typed errors keep their status; anything else is a logged 500 without details. */
export function handleError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message), err.status);
    // A domain rule refused the input (bad code, bad action): the client's data is wrong.
    if (err instanceof ModelError) return c.json(errorBody(err.code, err.message), 422);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'bad_request';
      return c.json(errorBody(code, err.message || 'Yêu cầu không hợp lệ'), status);
    }
    if (isStorageFull(err)) {
      log.error('storage full', { path: c.req.path, method: c.req.method, error: String(err) });
      return c.json(errorBody('storage_full', 'Máy chủ hết dung lượng lưu trữ; dữ liệu chưa được lưu, thiết bị sẽ gửi lại sau'), 507);
    }
    log.error('unhandled error', { path: c.req.path, method: c.req.method, error: String(err?.stack ?? err) });
    return c.json(errorBody('internal', 'Lỗi máy chủ'), 500);
  };
}
