/**
 * The per-device budget for file bytes kept for offline use: when the bytes on the device pass
 * the budget, the oldest copies that the server also holds (`cached`, `uploaded`) are dropped;
 * bytes still waiting to be uploaded (`pending`) are never dropped.
 * @module
 */
import type { MotcuaDatabase } from './database.ts';

/** Default budget for file bytes on one device. */
export const DEFAULT_FILE_CACHE_BYTES = 200 * 1024 * 1024;

const budgets = new WeakMap<MotcuaDatabase, number>();

/** Sets this device's budget (e.g. from a setting; a tablet with little storage lowers it). */
export function setFileCacheBudget(db: MotcuaDatabase, bytes: number): void {
  budgets.set(db, bytes);
}

/** The budget in force for `db`. */
export function fileCacheBudget(db: MotcuaDatabase): number {
  return budgets.get(db) ?? DEFAULT_FILE_CACHE_BYTES;
}

/**
 * Drops the oldest server-held copies until the device's bytes fit the budget; returns the
 * hashes dropped. They are downloaded again on demand.
 */
export async function trimFileCache(db: MotcuaDatabase, budget = fileCacheBudget(db)): Promise<string[]> {
  const all = await db.blobs.find().exec();
  let total = all.reduce((sum, b) => sum + b.size, 0);
  const dropped: string[] = [];
  const evictable = all.filter((b) => b.state === 'cached' || b.state === 'uploaded').sort((a, b) => a.createdAt - b.createdAt);
  for (const blob of evictable) {
    if (total <= budget) break;
    total -= blob.size;
    dropped.push(blob.sha256);
    await blob.remove();
  }
  return dropped;
}
