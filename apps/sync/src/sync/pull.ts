/**
 * Pull by checkpoint. `{"seq": n}` (or an absent checkpoint for the start) and `limit` 1..1000.
 *
 * @remarks A device's first pull comes newest first, so that a new tablet in a commune with years
 * of records can work on this month's dossiers while the old ones still arrive: without a
 * checkpoint the answer pages down from the newest document (`below`), remembering where it began
 * (`top`); once the oldest is delivered it goes on in `seq` order from `top`, which brings what
 * changed meanwhile. The page's checkpoint is saved after each page, so an interrupted first sync
 * resumes where it stopped. A checkpoint with only `seq` (tiers, the live stream) reads in order.
 */
import { dossierForCitizen, eventForCitizen, type CollectionName, type SessionUser } from '@motcua/model';
import { badRequest } from '../errors.ts';
import type { ScopeFilter, StoredDocument, SyncStore } from '../store/types.ts';
import { toWire, type WireDocument } from './documents.ts';

export interface Checkpoint {
  seq: number;
  /** While the first pull pages down: the `seq` where it started (null after). */
  top?: number | null;
  /** While the first pull pages down: the next page is below this `seq` (null after). */
  below?: number | null;
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
  const { seq, top = null, below = null } = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const isSeq = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!isSeq(seq) || (top !== null && !isSeq(top)) || (below !== null && !isSeq(below)) || (below === null) !== (top === null)) {
    throw badRequest('invalid_checkpoint', 'checkpoint phải có dạng {"seq": số nguyên ≥ 0}');
  }
  return below === null ? { seq } : { seq, top: top as number, below };
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PULL_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
    throw badRequest('invalid_limit', `limit phải là số nguyên từ 1 đến ${MAX_PULL_LIMIT}`);
  }
  return limit;
}

/** What `reader` may read of a stored document: a citizen gets the model's citizen view. */
export function readView(collection: CollectionName, reader: SessionUser | null) {
  if (reader?.role !== 'citizen') return toWire;
  if (collection === 'events') return (doc: StoredDocument) => toWire({ ...doc, data: eventForCitizen(doc.data as never, reader.id) as never });
  if (collection === 'dossiers') return (doc: StoredDocument) => toWire({ ...doc, data: dossierForCitizen(doc.data as never) as never });
  return toWire;
}

/**
 * A page of `collection` in `scope` after `checkpoint`, each document as `reader` may read it
 * (null: as stored, for a tier).
 */
export async function pullDocuments(
  store: SyncStore,
  collection: CollectionName,
  scope: ScopeFilter,
  checkpoint: Checkpoint | null,
  limit: number,
  reader: SessionUser | null,
): Promise<PullResult> {
  const view = readView(collection, reader);
  if (checkpoint === null) {
    const top = await store.documents.maxSeq();
    checkpoint = { seq: top, top, below: top + 1 };
  }
  if (checkpoint.below == null || checkpoint.top == null) {
    const rows = await store.documents.pull(collection, scope, checkpoint.seq, limit);
    const last = rows.at(-1);
    return { documents: rows.map(view), checkpoint: last ? { seq: last.seq } : checkpoint };
  }
  const older = await store.documents.pullBefore(collection, scope, checkpoint.below, limit);
  if (older.length === limit) {
    return { documents: older.map(view), checkpoint: { seq: checkpoint.seq, top: checkpoint.top, below: older.at(-1)!.seq } };
  }
  // The oldest is delivered: the rest of the page is what changed since the first pull began.
  const newer = await store.documents.pull(collection, scope, checkpoint.top, limit - older.length);
  return {
    documents: [...older, ...newer].map(view),
    // Explicit nulls: RxDB merges checkpoints key by key.
    checkpoint: { seq: newer.at(-1)?.seq ?? checkpoint.top, top: null, below: null },
  };
}
