import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { dossierSchema, warehouseSchema } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { encryptingStorage, withEncryption } from './encryption.ts';
import { ownerKeyOf, ownerKeyShape } from './owner-key.ts';
import { enableDevMode, rawDump, sampleDossier, sampleWarehouseDocument, uniqueName } from './testing.ts';

const KEY = 'a1'.repeat(32);
const CCCD = '064195007788';

beforeAll(() => enableDevMode());

describe('the warehouse owner index', () => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('is added to what the server sends and removed from what goes back', async () => {
    db = await createDatabase({ storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }), name: uniqueName(), encryptionKey: KEY });
    const shape = ownerKeyShape<Record<string, unknown>>(db);
    const wire = { ...sampleWarehouseDocument({ ownerCccd: CCCD }), _deleted: false };
    const local = await shape.toDevice(wire);
    expect(local.ownerKey).toBe(await ownerKeyOf(db, CCCD));
    expect(local.ownerKey).not.toContain(CCCD);
    expect(shape.toServer(local)).toEqual(wire);
  });

  it('is built when a device opens a database written before it, and the numbers become ciphertext', async () => {
    const idb = new IDBFactory();
    const storage = getRxStorageDexie({ indexedDB: idb, IDBKeyRange });
    const name = uniqueName();
    // The previous local schemas: CCCD numbers in the clear and indexed.
    const before = <T extends { properties: object }>(schema: T, version: number, indexes: string[], encrypted: string[]) =>
      withEncryption({ ...structuredClone(schema), version, indexes } as never, encrypted);
    const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage: encryptingStorage(storage) }), password: KEY });
    const same = { 1: (d: unknown) => d, 2: (d: unknown) => d };
    await old.addCollections({
      dossiers: { schema: before(dossierSchema, 2, ['status', 'ownerCccd'], ['applicant']), migrationStrategies: same },
      warehouse: { schema: before(warehouseSchema, 0, ['ownerCccd'], ['name']) },
    });
    await old.collections.dossiers!.insert(sampleDossier({ ownerCccd: CCCD }));
    await old.collections.warehouse!.insert(sampleWarehouseDocument({ id: 'w-old', ownerCccd: CCCD }));
    await old.close();

    db = await createDatabase({ storage, name, encryptionKey: KEY, collections: ['dossiers', 'warehouse'] });
    const found = await db.warehouse.find({ selector: { ownerKey: await ownerKeyOf(db, CCCD) } }).exec();
    expect(found.map((d) => d.id)).toEqual(['w-old']);
    expect((await db.dossiers.find().exec()).map((d) => d.ownerCccd)).toEqual([CCCD]);
    await closeDatabase(db);
    db = undefined;

    // The pre-migration copies are gone once RxDB has migrated them.
    expect(await rawDump(idb)).not.toContain(CCCD);
  });
});
