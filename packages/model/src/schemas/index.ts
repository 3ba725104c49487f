import { agencySchema } from './agency.schema.ts';
import { dossierSchema } from './dossier.schema.ts';
import { eventSchema } from './event.schema.ts';
import { fileSchema } from './file.schema.ts';
import { procedureSchema } from './procedure.schema.ts';
import { warehouseSchema } from './warehouse.schema.ts';

/** Every replicated collection, by the name used in `/api/sync/:collection`. */
export const collectionSchemas = {
  agencies: agencySchema,
  procedures: procedureSchema,
  dossiers: dossierSchema,
  events: eventSchema,
  warehouse: warehouseSchema,
  files: fileSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collectionSchemas, name);
}
