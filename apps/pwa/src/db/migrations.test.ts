import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { DOSSIER_V1_FIELDS, dossierSchema } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

/** The dossier schema as version 0 had it: without the fields version 1 added. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an old schema version has no document type of its own
function dossierSchemaV0(): RxJsonSchema<any> {
  const added = Object.keys(DOSSIER_V1_FIELDS);
  const properties = Object.fromEntries(Object.entries(dossierSchema.properties).filter(([k]) => !added.includes(k)));
  return {
    ...structuredClone(dossierSchema),
    version: 0,
    properties,
    required: dossierSchema.required.filter((k) => !added.includes(k)),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  } as RxJsonSchema<any>;
}

describe('local schema migrations', () => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('brings a version-0 dossier stored on the device to version 1 without losing it', async () => {
    const storage = testStorages.find((s) => s.name === 'dexie')!.create();
    const name = uniqueName();
    const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }) });
    await old.addCollections({ dossiers: { schema: dossierSchemaV0() } });
    const { previousStatus, provisionalCode, identityCheck, result, apology, rating, ...v0 } = sampleDossier();
    await old.collections.dossiers!.insert(v0);
    await old.close();

    db = await createDatabase({ storage, name, collections: ['dossiers'] });
    const migrated = await db.dossiers.findOne(v0.id).exec();
    expect(migrated?.toJSON()).toMatchObject({ ...v0, ...DOSSIER_V1_FIELDS });
  });
});
