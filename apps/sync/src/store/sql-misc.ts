/**
 * `BlobStore` (metadata of content-addressed files) and `MetaStore` (server settings such as the
 * JWT secret) over SQL.
 */
import type { SqlDriver } from './sql.ts';
import type { BlobStore, MetaStore } from './types.ts';

export function sqlBlobStore(driver: SqlDriver): BlobStore {
  return {
    async put(blob, uploader) {
      await driver.transaction(async (sql) => {
        await sql.query(
          `INSERT INTO blobs (sha256, size, mime, created_seq)
           VALUES ($1, $2, $3, coalesce(pg_sequence_last_value('doc_seq'), 0))
           ON CONFLICT (sha256) DO NOTHING`,
          [blob.sha256, blob.size, blob.mime],
        );
        await sql.query(
          `INSERT INTO blob_uploaders (sha256, user_id, name) VALUES ($1, $2, $3)
           ON CONFLICT (sha256, user_id) DO NOTHING`,
          [blob.sha256, uploader.userId, uploader.name],
        );
      });
    },
    async get(sha256) {
      const rows = await driver.query<{ sha256: string; size: string; mime: string }>(
        'SELECT sha256, size::text AS size, mime FROM blobs WHERE sha256 = $1',
        [sha256],
      );
      const row = rows[0];
      return row ? { sha256: row.sha256, size: Number(row.size), mime: row.mime } : null;
    },
    async uploadedBy(sha256, userId) {
      const rows = await driver.query('SELECT 1 FROM blob_uploaders WHERE sha256 = $1 AND user_id = $2', [
        sha256,
        userId,
      ]);
      return rows.length > 0;
    },
    async nameFor(sha256) {
      const rows = await driver.query<{ name: string }>(
        'SELECT name FROM blob_uploaders WHERE sha256 = $1 ORDER BY created_at LIMIT 1',
        [sha256],
      );
      return rows[0]?.name ?? null;
    },
  };
}

export function sqlMetaStore(driver: SqlDriver): MetaStore {
  return {
    async get(key) {
      const rows = await driver.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
      return rows[0]?.value ?? null;
    },
    async getOrSet(key, value) {
      await driver.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
      const rows = await driver.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
      return rows[0]!.value;
    },
    async set(key, value) {
      await driver.query(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, value],
      );
    },
  };
}
