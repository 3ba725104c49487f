/**
 * Seeds the demo on first start only (a `demo_seeded` mark in the meta table): agencies, the
 * procedure catalog, the demo accounts and a few submitted dossiers.
 */
import { hashPassword } from '@motcua/crypto';
import type { CollectionName, SessionUser } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import type { SyncStore } from '../store/types.ts';
import { scopeColumns } from '../sync/scope.ts';
import { demoAgencies } from './agencies.ts';
import { demoDossiers } from './dossiers.ts';
import { DEMO_PASSWORD, DEMO_TIER_ACCOUNTS, DEMO_USERS } from './users.ts';

export interface DemoSeedResult {
  /** True when this call created the demo; false when it was already there. */
  created: boolean;
  users: SessionUser[];
  password: string;
}

const SEEDED = 'demo_seeded';

async function putAll(store: SyncStore, collection: CollectionName, docs: { id: string }[]): Promise<void> {
  await store.documents.write(async (tx) => {
    for (const doc of docs) {
      const data = doc as unknown as Record<string, unknown>;
      await tx.put(collection, { id: doc.id, data, deleted: false, ...scopeColumns(collection, data) });
    }
  });
}

/** `dossiers: false` seeds no dossier: a commune box takes those from its province. */
export async function seedDemo(store: SyncStore, now: Date, options: { dossiers: boolean } = { dossiers: true }): Promise<DemoSeedResult> {
  const result = { users: DEMO_USERS, password: DEMO_PASSWORD };
  if (await store.meta.get(SEEDED)) return { created: false, ...result };

  await putAll(store, 'agencies', demoAgencies(now));
  const procedures = seedProcedures('H34');
  await putAll(store, 'procedures', procedures);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of [...DEMO_USERS, ...DEMO_TIER_ACCOUNTS]) {
    if (!(await store.users.byUsername(user.username))) await store.users.create({ ...user, passwordHash, disabled: false });
  }
  if (options.dossiers) {
    const { dossiers, events } = await demoDossiers(procedures, now);
    await putAll(store, 'dossiers', dossiers);
    await putAll(store, 'events', events);
  }
  await store.meta.set(SEEDED, now.toISOString());
  return { created: true, ...result };
}
