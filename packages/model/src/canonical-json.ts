/**
 * @module canonical-json — one byte-exact JSON text per value, so that hashes computed on different
 * devices (browser, server) agree.
 *
 * @remarks Object keys are sorted by UTF-16 code unit order, no whitespace, `undefined` members are
 * dropped (as `JSON.stringify` does). Non-finite numbers are refused rather than silently written as
 * `null`: a hashed event must round-trip through JSON unchanged.
 */
import { ModelError } from './errors.ts';

/** Serializes `value` canonically. Throws `ModelError('not_canonical')` on values JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new ModelError('not_canonical', `Số không hợp lệ trong dữ liệu: ${value}.`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new ModelError('not_canonical', `Kiểu dữ liệu không lưu được dưới dạng JSON: ${typeof value}.`);
  }
}

function canonicalObject(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
