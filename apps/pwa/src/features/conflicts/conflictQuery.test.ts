import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type MotcuaDatabase } from '../../db/database.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from '../../db/testing.ts';
import { conflictSelector } from './conflictQuery.ts';

beforeAll(() => enableDevMode());

describe.each(testStorages)('the conflicts query on $name storage', ({ create }) => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('finds only the agency’s dossiers with a conflict', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName(), collections: ['dossiers'] });
    const base = sampleDossier();
    await db.dossiers.bulkInsert([
      { ...base, id: 'a', status: 2 },
      { ...base, id: 'b', status: 3, conflicts: [{ eventId: '1:x', note: 'Thay đổi bị thay thế' }] },
      { ...base, id: 'c', status: 3, agencyId: '002.29.00.H34', conflicts: [{ eventId: '1:y', note: 'khác cơ quan' }] },
    ]);
    const found = await db.dossiers.find({ selector: conflictSelector({ role: 'receptionist', agencyId: base.agencyId }) }).exec();
    expect(found.map((d) => d.id)).toEqual(['b']);
  });
});
