import { collectionNames } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../store/pglite.ts';
import type { SyncStore } from '../store/types.ts';
import { assertValid } from '../sync/validate.ts';
import { seedDemo } from './seed.ts';

let store: SyncStore;
beforeAll(async () => {
  store = await openPgliteStore(undefined);
  await store.migrate();
});
afterAll(() => store.close());

describe('seedDemo', () => {
  it('creates the demo once', async () => {
    expect((await seedDemo(store, new Date())).created).toBe(true);
    const seq = await store.documents.maxSeq();
    expect((await seedDemo(store, new Date())).created).toBe(false);
    expect(await store.documents.maxSeq()).toBe(seq);
    expect(await store.users.count()).toBe(15);
  });

  it('writes only documents the model schemas accept', async () => {
    for (const collection of collectionNames) {
      const docs = await store.documents.pull(collection, { kind: 'all' }, 0, 1000);
      docs.forEach((doc, i) => expect(() => assertValid(collection, doc.data, i), `${collection}/${doc.id}`).not.toThrow());
    }
  });

  it('has submitted dossiers at Đắk La from both citizens and one at Đắk Mar', async () => {
    const dossiers = (await store.documents.pull('dossiers', { kind: 'all' }, 0, 100)).map((d) => d.data);
    const dakla = dossiers.filter((d) => d.agencyId === '001.29.00.H34');
    expect(dakla.every((d) => d.status === 1)).toBe(true);
    expect(new Set(dakla.map((d) => d.ownerCccd))).toEqual(new Set(['062099000123', '062301000456']));
    expect(dossiers.filter((d) => d.agencyId === '002.29.00.H34')).toHaveLength(1);
    const events = await store.documents.pull('events', { kind: 'all' }, 0, 100);
    expect(events).toHaveLength(dossiers.length);
  });
});
