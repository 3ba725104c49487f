/**
 * Schema migrations of the local database, one table per collection.
 *
 * @remarks When a schema
 * in `@motcua/model` (or `blob.schema.ts`) bumps its `version` to n, add here the strategy `n` that
 * turns a document of version n-1 into version n (return null to drop it); RxDB runs them on open.
 */
import type { MigrationStrategies } from 'rxdb';
import { DOSSIER_V1_FIELDS, type DeviceCollectionName } from '@motcua/model';
import type { OwnerKey } from './owner-key.ts';

export type LocalCollectionName = DeviceCollectionName | 'blobs';

/** Rewriting a document under the new schema is the migration (what is encrypted changed). */
const same = (doc: unknown) => doc;

/** The strategies of a database whose owner index is `ownerKey`. */
export function migrationStrategies(ownerKey: OwnerKey): Record<LocalCollectionName, MigrationStrategies> {
  return {
    agencies: {},
    procedures: {},
    dossiers: {
      1: (doc: Record<string, unknown>) => ({ ...DOSSIER_V1_FIELDS, ...doc }),
      // `content` (the Automerge document) is seeded deterministically at the dossier's next write or
      // merge, on whichever replica comes first, so migrating needs no Automerge here.
      2: same,
      // `ownerCccd` encrypted, no longer indexed.
      3: same,
      // `heads` (the actions the server took in) and refused actions' details: absent means none.
      4: same,
    },
    // `action` and the server's `outcome`: absent on events from before actions were the write path.
    events: { 1: same, 2: same },
    warehouse: { 1: async (doc: { ownerCccd: string }) => ({ ...doc, ownerKey: await ownerKey(doc.ownerCccd) }) },
    files: { 1: same },
    blobs: {},
  };
}
