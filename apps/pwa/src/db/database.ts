/**
 * The device's local database: the six replicated collections of `@motcua/model` plus the
 * local-only `blobs` (file bytes waiting to go up, and a download cache).
 *
 * @module
 */
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import {
  deviceCollectionNames,
  collectionSchemas,
  type Agency,
  type DeviceCollectionName,
  type Dossier,
  type DossierEvent,
  type FileMeta,
  type Procedure,
} from '@motcua/model';
import { blobSchema, type BlobEntry } from './schemas/blob.schema.ts';
import { conflictHandlers } from './conflict.ts';
import { migrationStrategies } from './migrations.ts';
import { encryptedFields, encryptingStorage, withEncryption } from './encryption.ts';
import { installOwnerKeyHooks, ownerKeyFor, registerOwnerKey, withOwnerKey, type LocalWarehouseDocument } from './owner-key.ts';

addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** Document type of each replicated collection, by its name in `/api/sync/:collection`. */
export interface ReplicatedDocTypes {
  agencies: Agency;
  procedures: Procedure;
  dossiers: Dossier;
  events: DossierEvent;
  warehouse: LocalWarehouseDocument;
  files: FileMeta;
}

export type MotcuaCollections = { [K in DeviceCollectionName]: RxCollection<ReplicatedDocTypes[K]> } & {
  blobs: RxCollection<BlobEntry>;
};

/** The typed local database every screen reads. */
export type MotcuaDatabase = RxDatabase<MotcuaCollections>;

export interface CreateDatabaseOptions {
  /** An RxDB storage: `getRxStorageDexie()` in the browser, `getRxStorageMemory()` in tests. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB types a storage for any document as RxStorage<any, any>
  storage: RxStorage<any, any>;
  /** Database name; one per signed-in user on a device, e.g. `motcua-062099000123`. */
  name: string;
  /** True when several tabs share the database (browser); default false. */
  multiInstance?: boolean;
  /** Validate every write against the JSON schemas with ajv; default true. */
  validate?: boolean;
  /**
   * The replicated collections to open, default all six (the local `blobs` is always opened).
   * RxDB's open-source build allows 13 open collections per process, so tools and tests that open
   * several databases at once open only what they use; the app opens them all.
   */
  collections?: readonly DeviceCollectionName[];
  /**
   * The person's data key (hex, from `@motcua/crypto/keys`): when given, the sensitive fields and
   * the file bytes are stored encrypted (see `encryption.ts`). The app always gives it.
   */
  encryptionKey?: string;
}

/**
 * Opens (or creates) the local database with every collection.
 *
 * @example
 * const db = await createDatabase({ storage: getRxStorageDexie(), name: 'motcua-dakla', multiInstance: true });
 * const queue = db.dossiers.find({ selector: { status: 1 } }).$;
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<MotcuaDatabase> {
  const { validate = true, multiInstance = false, encryptionKey } = options;
  const base = encryptionKey ? encryptingStorage(options.storage) : options.storage;
  const storage = validate ? wrappedValidateAjvStorage({ storage: base }) : base;
  const encrypt = <T>(schema: RxJsonSchema<T>, name: DeviceCollectionName | 'blobs') =>
    encryptionKey ? withEncryption(schema, encryptedFields[name]) : schema;
  const ownerKey = await ownerKeyFor(encryptionKey);
  const strategies = migrationStrategies(ownerKey);
  const db = await createRxDatabase<MotcuaCollections>({
    name: options.name,
    storage,
    multiInstance,
    ...(encryptionKey ? { password: encryptionKey } : {}),
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    const names = options.collections ?? deviceCollectionNames;
    const creators = Object.fromEntries(
      names.map((name) => {
        const creator = replicated(name, strategies);
        return [name, { ...creator, schema: encrypt(creator.schema, name) }];
      }),
    );
    await db.addCollections({
      ...creators,
      blobs: { schema: encrypt(blobSchema, 'blobs'), migrationStrategies: strategies.blobs },
    } as Parameters<MotcuaDatabase['addCollections']>[0]);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (db.collections.warehouse) installOwnerKeyHooks(db.warehouse, ownerKey);
  registerOwnerKey(db, ownerKey);
  return db;
}

function replicated<K extends DeviceCollectionName>(name: K, strategies: ReturnType<typeof migrationStrategies>) {
  const schema = collectionSchemas[name] as unknown as RxJsonSchema<ReplicatedDocTypes[K]>;
  return {
    schema: name === 'warehouse' ? withOwnerKey(schema) : schema,
    conflictHandler: conflictHandlers[name],
    migrationStrategies: strategies[name],
  };
}

/** The replicated collections open in `db` (all six unless it was opened with a subset). */
export function openCollectionNames(db: MotcuaDatabase): DeviceCollectionName[] {
  return deviceCollectionNames.filter((name) => Object.hasOwn(db.collections, name));
}

/** Closes the database and its collections (replications on it stop too). Safe to call twice. */
export async function closeDatabase(db: MotcuaDatabase): Promise<void> {
  if (!db.closed) await db.close();
}
