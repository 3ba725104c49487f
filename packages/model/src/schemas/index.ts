import { agencySchema } from './agency.schema.ts';
import { dossierSchema } from './dossier.schema.ts';
import { eventSchema } from './event.schema.ts';
import { fileSchema } from './file.schema.ts';
import { procedureSchema } from './procedure.schema.ts';
import { summarySchema } from './summary.schema.ts';
import { warehouseSchema } from './warehouse.schema.ts';

/** Every replicated collection, by the name used in `/api/sync/:collection`. */
export const collectionSchemas = {
  agencies: agencySchema,
  procedures: procedureSchema,
  dossiers: dossierSchema,
  events: eventSchema,
  warehouse: warehouseSchema,
  files: fileSchema,
  summaries: summarySchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

/** The collections a device (browser, tablet) holds: every one but the nation's dossier summaries. */
export type DeviceCollectionName = Exclude<CollectionName, 'summaries'>;
export const deviceCollectionNames = collectionNames.filter((name): name is DeviceCollectionName => name !== 'summaries');

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collectionSchemas, name);
}
