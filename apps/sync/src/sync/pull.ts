/**
 * Pull by checkpoint: `checkpoint` is `{"seq": n}` (or absent for the start), `limit` 1..1000.
 */
import type { CollectionName } from '@motcua/model';
import { badRequest } from '../errors.ts';
import type { ScopeFilter, SyncStore } from '../store/types.ts';
import { toWire, type WireDocument } from './documents.ts';

export interface Checkpoint {
  seq: number;
}

export interface PullResult {
  documents: WireDocument[];
  checkpoint: Checkpoint | null;
}

export const DEFAULT_PULL_LIMIT = 100;
export const MAX_PULL_LIMIT = 1000;

export function parseCheckpoint(raw: string | undefined): Checkpoint | null {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('invalid_checkpoint', 'Tham số checkpoint không phải JSON');
  }
  if (value === null) return null;
  const seq = (value as { seq?: unknown } | null)?.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw badRequest('invalid_checkpoint', 'checkpoint phải có dạng {"seq": số nguyên ≥ 0}');
  }
  return { seq };
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PULL_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
    throw badRequest('invalid_limit', `limit phải là số nguyên từ 1 đến ${MAX_PULL_LIMIT}`);
  }
  return limit;
}

export async function pullDocuments(
  store: SyncStore,
  collection: CollectionName,
  scope: ScopeFilter,
  checkpoint: Checkpoint | null,
  limit: number,
): Promise<PullResult> {
  const rows = await store.documents.pull(collection, scope, checkpoint?.seq ?? 0, limit);
  const last = rows.at(-1);
  return { documents: rows.map(toWire), checkpoint: last ? { seq: last.seq } : checkpoint };
}

