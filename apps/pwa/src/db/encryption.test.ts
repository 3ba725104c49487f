import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { collectionSchemas, deviceCollectionNames } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { encryptedFields, withEncryption } from './encryption.ts';
import { BLOB_ATTACHMENT_ID, blobSchema } from './schemas/blob.schema.ts';
import { ownerKeyOf } from './owner-key.ts';
import { enableDevMode, rawDump, sampleDossier, sampleWarehouseDocument, uniqueName } from './testing.ts';

const KEY = 'a1'.repeat(32);
const NAME = 'Nguyễn Văn An';

beforeAll(() => enableDevMode());

describe('encryption at rest on Dexie (raw IndexedDB)', () => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('stores names, file names and file bytes as ciphertext, and reads them back', async () => {
    const idb = new IDBFactory();
    const storage = getRxStorageDexie({ indexedDB: idb, IDBKeyRange });
    const name = uniqueName();
    db = await createDatabase({ storage, name, encryptionKey: KEY });
    const dossier = sampleDossier();
    await db.dossiers.insert(dossier);
    const sha = 'b'.repeat(64);
    const blob = await db.blobs.insert({ sha256: sha, name: `CCCD ${NAME}.pdf`, mime: 'application/pdf', size: 20, state: 'pending', error: null, createdAt: 1 });
    await blob.putAttachment({ id: BLOB_ATTACHMENT_ID, data: new Blob([`%PDF-1.7 ${NAME}`]), type: 'application/pdf' });

    const raw = await rawDump(idb);
    expect(raw).toContain(dossier.id); // the documents are there…
    expect(raw).not.toContain(NAME); // …but not the names,
    expect(raw).not.toContain('Nguy'); // nor a prefix,
    expect(raw).not.toContain('0905000123'); // nor the phone number,
    expect(raw).not.toContain('%PDF-1.7'); // nor the file bytes.

    // Through RxDB, with the key, everything reads back and the plain fields still query.
    const queue = await db.dossiers.find({ selector: { status: 1, agencyId: dossier.agencyId } }).exec();
    expect(queue.map((d) => d.applicant.fullName)).toEqual([NAME]);
    const bytes = await (await db.blobs.findOne(sha).exec())!.getAttachment(BLOB_ATTACHMENT_ID)!.getData();
    expect(await bytes.text()).toBe(`%PDF-1.7 ${NAME}`);
    await closeDatabase(db);

    // Another key cannot open it.
    db = undefined;
    await expect(createDatabase({ storage, name, encryptionKey: 'c2'.repeat(32) })).rejects.toThrow();
  });

  it('keeps CCCD numbers encrypted and still finds a citizen’s papers by their number', async () => {
    const idb = new IDBFactory();
    db = await createDatabase({ storage: getRxStorageDexie({ indexedDB: idb, IDBKeyRange }), name: uniqueName(), encryptionKey: KEY });
    const cccd = '064195007788';
    const dossier = sampleDossier({ ownerCccd: cccd, applicant: { ...sampleDossier().applicant, cccd } });
    await db.dossiers.insert(dossier);
    await db.warehouse.insert(sampleWarehouseDocument({ ownerCccd: cccd, id: 'w-mine' }));
    await db.warehouse.insert(sampleWarehouseDocument({ ownerCccd: '062099000123', id: 'w-other' }));
    await db.files.insert({ id: 'f-1', sha256: 'c'.repeat(64), name: 'giay.pdf', mime: 'application/pdf', size: 9, ownerCccd: cccd, agencyId: dossier.agencyId, dossierId: null, uploadedBy: 'u-1', createdAt: '2026-03-02T02:00:00.000Z', updatedAt: 1 });

    const raw = await rawDump(idb);
    expect(raw).toContain('w-mine');
    expect(raw).not.toContain(cccd);
    expect(raw).not.toContain('062099000123');

    const found = await db.warehouse.find({ selector: { ownerKey: await ownerKeyOf(db, cccd) } }).exec();
    expect(found.map((d) => [d.id, d.ownerCccd])).toEqual([['w-mine', cccd]]);
    // Saved again with another owner, the index follows.
    await found[0]!.incrementalPatch({ ownerCccd: '062301000456' });
    expect(await db.warehouse.count({ selector: { ownerKey: await ownerKeyOf(db, cccd) } }).exec()).toBe(0);
    expect(await db.warehouse.count({ selector: { ownerKey: await ownerKeyOf(db, '062301000456') } }).exec()).toBe(1);
  });

  it('without a key the same data is plaintext (the check above means something)', async () => {
    const idb = new IDBFactory();
    db = await createDatabase({ storage: getRxStorageDexie({ indexedDB: idb, IDBKeyRange }), name: uniqueName() });
    await db.dossiers.insert(sampleDossier());
    expect(await rawDump(idb)).toContain(NAME);
  });
});

describe('withEncryption', () => {
  it('lists only existing, unindexed fields, and encrypts blob attachments', () => {
    for (const name of deviceCollectionNames) {
      expect(() => withEncryption(collectionSchemas[name] as never, encryptedFields[name])).not.toThrow();
    }
    expect(withEncryption(blobSchema, encryptedFields.blobs).attachments).toEqual({ encrypted: true });
    expect(() => withEncryption(collectionSchemas.dossiers as never, ['status'])).toThrow(/indexed/);
    expect(() => withEncryption(collectionSchemas.dossiers as never, ['nope'])).toThrow(/no field/);
  });
});
