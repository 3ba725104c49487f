/**
 * Request-body helpers: a size limit that answers in our error shape, and JSON parsing that turns
 * malformed input into 400 instead of a crash.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { badRequest, errorBody } from '../errors.ts';

export const KB = 1024;
export const MB = 1024 * KB;

export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(errorBody('payload_too_large', `Dữ liệu gửi lên vượt quá ${Math.round(maxSize / KB)} KB`), 413),
  });
}

/** Keys that name an object's prototype machinery: no body of ours has them, anywhere. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses JSON text; 400 `malformed_json` when it is not JSON, 400 `forbidden_key` when any object in
 * it, however deep, has a key `__proto__`, `constructor` or `prototype`.
 */
export function parseJson(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('malformed_json', 'Dữ liệu gửi lên không phải JSON hợp lệ');
  }
  const forbidden = forbiddenKeyIn(parsed);
  if (forbidden !== null) throw badRequest('forbidden_key', `Dữ liệu gửi lên không được có khóa "${forbidden}"`);
  return parsed;
}

/** The first forbidden key anywhere in `value`; walked with a stack, so no depth overflows it. */
function forbiddenKeyIn(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      stack.push(...(next as unknown[]));
      continue;
    }
    for (const [key, item] of Object.entries(next)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push(item);
    }
  }
  return null;
}

/** The request's JSON body (see `parseJson`). */
export async function readJson(c: Context): Promise<unknown> {
  return parseJson(await c.req.text());
}

/**
 * For a route that takes no body: none, or an empty JSON object; anything else is refused (400
 * `unexpected_body`, or as `parseJson` refuses it), so nothing rides along unread.
 */
export async function expectNoBody(c: Context): Promise<void> {
  const text = await c.req.text();
  if (text.trim() === '') return;
  const body = parseJson(text);
  if (!isRecord(body) || Object.keys(body).length > 0) throw badRequest('unexpected_body', 'Yêu cầu này không nhận dữ liệu gửi kèm');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required string field of a JSON object body, 1..max characters; 400 otherwise. */
export function stringField(body: unknown, name: string, max = 1024): string {
  const value = isRecord(body) ? body[name] : undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw badRequest('invalid_body', `Thiếu hoặc sai trường "${name}"`);
  }
  return value;
}
