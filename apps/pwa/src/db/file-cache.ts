/**
 * The per-device budget for file bytes kept for offline use: when the bytes on the device pass
 * the budget, the oldest copies that the server also holds (`cached`, `uploaded`) are dropped;
 * bytes still waiting to be uploaded (`pending`) are never dropped.
 * @module
 */
import type { MotcuaDatabase } from './database.ts';

/** Default budget for file bytes on one device. */
export const DEFAULT_FILE_CACHE_BYTES = 200 * 1024 * 1024;

/**
 * Drops the oldest server-held copies until the device's bytes fit the budget; returns the
 * hashes dropped. They are downloaded again on demand.
 */
export async function trimFileCache(db: MotcuaDatabase, budget = DEFAULT_FILE_CACHE_BYTES): Promise<string[]> {
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
