/**
 * Schema migrations of the local database, one table per collection.
 *
 * @remarks Every collection is at schema version 0, so there is nothing to migrate yet. When a schema
 * in `@motcua/model` (or `blob.schema.ts`) bumps its `version` to n, add here the strategy `n` that
 * turns a document of version n-1 into version n (return null to drop it); RxDB runs them on open.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '@motcua/model';

export type LocalCollectionName = CollectionName | 'blobs';

export const migrationStrategies: Record<LocalCollectionName, MigrationStrategies> = {
  agencies: {},
  procedures: {},
  dossiers: {},
  events: {},
  warehouse: {},
  files: {},
  blobs: {},
};
