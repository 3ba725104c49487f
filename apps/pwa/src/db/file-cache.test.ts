import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { trimFileCache } from './file-cache.ts';
import { BLOB_ATTACHMENT_ID, type BlobState } from './schemas/blob.schema.ts';
import { enableDevMode, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

const storage = testStorages[0]!;

async function put(db: MotcuaDatabase, sha: string, state: BlobState, size: number, createdAt: number) {
  const doc = await db.blobs.insert({ sha256: sha.repeat(64), name: `${sha}.pdf`, mime: 'application/pdf', size, state, error: null, createdAt });
  await doc.putAttachment({ id: BLOB_ATTACHMENT_ID, data: new Blob([new Uint8Array(size)]), type: 'application/pdf' });
}

describe('file cache budget', () => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('drops the oldest server-held copies until the bytes fit, never pending ones', async () => {
    db = await createDatabase({ storage: storage.create(), name: uniqueName() });
    await put(db, 'a', 'pending', 400, 1);
    await put(db, 'b', 'cached', 300, 2);
    await put(db, 'c', 'uploaded', 300, 3);
    await put(db, 'd', 'cached', 300, 4);
    expect(await trimFileCache(db, 800)).toEqual(['b'.repeat(64), 'c'.repeat(64)]);
    expect((await db.blobs.find().exec()).map((b) => b.sha256[0]).sort()).toEqual(['a', 'd']);
    expect(await trimFileCache(db, 100)).toEqual(['d'.repeat(64)]);
    expect(await db.blobs.count().exec()).toBe(1);
  });
});
