/**
 * Replicated documents on the wire: RxDB's bookkeeping fields come off before validation and
 * storage, `_deleted` goes back on when documents leave.
 */
import { unprocessable } from '../errors.ts';
import type { StoredDocument } from '../store/types.ts';

export type WireDocument = Record<string, unknown> & { _deleted: boolean };

const RXDB_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

/** The document without RxDB's fields, and whether it is deleted. */
export function fromWire(doc: Record<string, unknown>): { data: Record<string, unknown>; deleted: boolean } {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!(RXDB_FIELDS as readonly string[]).includes(key)) data[key] = value;
  }
  return { data, deleted: doc._deleted === true };
}

export function toWire(doc: StoredDocument): WireDocument {
  return { ...doc.data, _deleted: doc.deleted };
}

/** Canonical JSON (sorted keys): jsonb reorders keys, so equality must not depend on order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sameDocument(
  a: { data: Record<string, unknown>; deleted: boolean },
  b: { data: Record<string, unknown>; deleted: boolean },
): boolean {
  return a.deleted === b.deleted && canonical(a.data) === canonical(b.data);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper JSON than any of our schemas needs; refusing it keeps recursion bounded. */
export const MAX_DEPTH = 32;

/**
 * PostgreSQL's jsonb cannot hold U+0000 or unpaired surrogates, and no document nests deeper than
 * `MAX_DEPTH`: refuse such input as invalid (422) rather than failing in the database.
 */
export function assertStorable(value: unknown, path = '', depth = 0): void {
  if (depth > MAX_DEPTH) throw unprocessable('too_deep', `Dữ liệu lồng nhau quá sâu tại "${path.slice(0, 200)}"`);
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      throw unprocessable('invalid_text', `Trường "${path || '/'}" chứa ký tự không hợp lệ`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${path}/${i}`, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      assertStorable(key, path, depth + 1);
      assertStorable(item, `${path}/${key}`, depth + 1);
    }
  }
}
