/**
 * @module @motcua/model — the Motcua domain: pure TypeScript, no I/O.
 */
export { collectionSchemas, collectionNames, isCollectionName } from './schemas/index.ts';
export type { CollectionName } from './schemas/index.ts';
export { agencySchema } from './schemas/agency.schema.ts';
export type { Agency } from './schemas/agency.schema.ts';
export { procedureSchema } from './schemas/procedure.schema.ts';
export type { Procedure, ProcedureComponent, ProcedureFee, WorkflowStep } from './schemas/procedure.schema.ts';
export { dossierSchema } from './schemas/dossier.schema.ts';
export type { Dossier, DossierComponent, Applicant } from './schemas/dossier.schema.ts';
export { eventSchema } from './schemas/event.schema.ts';
export type { DossierEvent, Actor, Role } from './schemas/event.schema.ts';
export { warehouseSchema } from './schemas/warehouse.schema.ts';
export type { WarehouseDocument } from './schemas/warehouse.schema.ts';
export { fileSchema, MAX_FILE_BYTES } from './schemas/file.schema.ts';
export type { FileMeta } from './schemas/file.schema.ts';
export { OFFICER_ROLES, isOfficer } from './auth/user.ts';
export type { SessionUser } from './auth/user.ts';
