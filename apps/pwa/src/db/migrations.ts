/**
 * Schema migrations of the local database, one table per collection.
 *
 * @remarks When a schema
 * in `@motcua/model` (or `blob.schema.ts`) bumps its `version` to n, add here the strategy `n` that
 * turns a document of version n-1 into version n (return null to drop it); RxDB runs them on open.
 */
import type { MigrationStrategies } from 'rxdb';
import { DOSSIER_V1_FIELDS, type DeviceCollectionName } from '@motcua/model';

export type LocalCollectionName = DeviceCollectionName | 'blobs';

export const migrationStrategies: Record<LocalCollectionName, MigrationStrategies> = {
  agencies: {},
  procedures: {},
  dossiers: {
    1: (doc) => ({ ...DOSSIER_V1_FIELDS, ...doc }),
    // `content` (the Automerge document) is seeded deterministically at the dossier's next write or
    // merge, on whichever replica comes first, so migrating needs no Automerge here.
    2: (doc) => doc,
  },
  events: {},
  warehouse: {},
  files: {},
  blobs: {},
};
