import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { BLOB_ATTACHMENT_ID } from './schemas/blob.schema.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

describe.each(testStorages)('createDatabase on $name storage', ({ create }) => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('opens the six replicated collections and the local blobs', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    expect(Object.keys(db.collections).sort()).toEqual(
      ['agencies', 'blobs', 'dossiers', 'events', 'files', 'procedures', 'warehouse'],
    );
  });

  it('stores and queries a dossier, and refuses one that breaks the schema', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const dossier = sampleDossier();
    await db.dossiers.insert(dossier);
    const queue = await db.dossiers.find({ selector: { status: 1, agencyId: dossier.agencyId } }).exec();
    expect(queue.map((d) => d.id)).toEqual([dossier.id]);
    await expect(db.dossiers.insert({ ...sampleDossier(), status: 11 })).rejects.toThrow();
  });

  it('keeps file bytes as an attachment of a blob', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const sha = 'a'.repeat(64);
    const doc = await db.blobs.insert({ sha256: sha, name: 'a.pdf', mime: 'application/pdf', size: 3, state: 'pending', error: null, createdAt: 1 });
    await doc.putAttachment({ id: BLOB_ATTACHMENT_ID, data: new Blob([new Uint8Array([1, 2, 3])]), type: 'application/pdf' });
    const again = await db.blobs.findOne(sha).exec();
    const data = await again!.getAttachment(BLOB_ATTACHMENT_ID)!.getData();
    expect([...new Uint8Array(await data.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('reopens with the data kept', async () => {
    const storage = create();
    const name = uniqueName();
    db = await createDatabase({ storage, name });
    const dossier = sampleDossier();
    await db.dossiers.insert(dossier);
    await closeDatabase(db);
    await closeDatabase(db);
    db = await createDatabase({ storage, name });
    expect((await db.dossiers.findOne(dossier.id).exec())?.summary).toBe(dossier.summary);
  });
});
