import * as Automerge from '@automerge/automerge';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { contentChanges, contentMismatch, dossierSchema, seedContent, type Dossier } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { databaseActor } from './content-engine.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

const ACTOR = 'abcdef0123456789abcdef0123456789';
const actorsOf = (d: Dossier) => contentChanges(d.content!).map((c) => Automerge.decodeChange(c).actor);

describe('every local dossier write records an Automerge change', () => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('seeds a new dossier and records later edits by this database’s actor, fields only', async () => {
    db = await createDatabase({ storage: testStorages[0]!.create(), name: uniqueName(), collections: ['dossiers'], contentActor: ACTOR });
    const fresh = sampleDossier();
    const inserted = (await db.dossiers.insert(fresh)).toJSON() as Dossier;
    expect(inserted.content).toBe(seedContent(Automerge, fresh));

    const doc = await db.dossiers.findOne(fresh.id).exec();
    await doc!.incrementalPatch({ applicant: { ...fresh.applicant, phone: '0911222333' }, updatedAt: 2 });
    await doc!.incrementalModify((d) => ({
      ...d,
      components: d.components.map((c) => (c.id === 'c2' ? { ...c, fileIds: ['f-1'], paperReceived: true } : c)),
    }));
    await db.dossiers.upsert({ ...(await db.dossiers.findOne(fresh.id).exec())!.toJSON() as Dossier, summary: 'Sửa tóm tắt', content: 'bogus' });
    const stored = (await db.dossiers.findOne(fresh.id).exec())!.toJSON() as Dossier;
    expect(actorsOf(stored).filter((a) => a === ACTOR)).toHaveLength(3);
    expect(contentMismatch(Automerge, stored)).toBeNull();
    expect(stored).toMatchObject({ summary: 'Sửa tóm tắt', applicant: { phone: '0911222333' } });
  });

  it('a status-only write adds no change', async () => {
    db = await createDatabase({ storage: testStorages[0]!.create(), name: uniqueName(), collections: ['dossiers'], contentActor: ACTOR });
    const doc = await db.dossiers.insert(sampleDossier());
    const before = doc.toJSON().content;
    const after = await doc.incrementalPatch({ status: 2, updatedAt: 5 });
    expect(after.toJSON().content).toBe(before);
  });

  it('migrates a version-1 dossier without content and seeds it deterministically at its first write', async () => {
    const storage = testStorages.find((s) => s.name === 'dexie')!.create();
    const name = uniqueName();
    const v1Schema = { ...structuredClone(dossierSchema), version: 1, properties: { ...dossierSchema.properties } } as Record<string, any>;
    delete v1Schema.properties.content;
    const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }) });
    await old.addCollections({ dossiers: { schema: v1Schema as never, migrationStrategies: { 1: (d: unknown) => d } } });
    const legacy = sampleDossier();
    await old.collections.dossiers!.insert(legacy);
    await old.close();

    db = await createDatabase({ storage, name, collections: ['dossiers'], contentActor: ACTOR });
    const migrated = await db.dossiers.findOne(legacy.id).exec();
    expect(migrated!.toJSON().content).toBeUndefined();
    const edited = (await migrated!.incrementalPatch({ summary: 'Sửa' })).toJSON() as Dossier;
    expect(contentChanges(edited.content!)).toContainEqual(contentChanges(seedContent(Automerge, legacy))[0]);
    expect(actorsOf(edited)).toContain(ACTOR);
  });
});

describe('databaseActor', () => {
  it('keeps one actor per database name', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const a = databaseActor(storage, 'motcua-u1');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(databaseActor(storage, 'motcua-u1')).toBe(a);
    expect(databaseActor(storage, 'motcua-u2')).not.toBe(a);
  });
});
