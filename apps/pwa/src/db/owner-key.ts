/**
 * The warehouse's owner index on the device: `ownerCccd` is stored encrypted (a CCCD number is the
 * person's national identity), so the desk finds a citizen's papers by `ownerKey`, a blind index
 * of the number under the signed-in person's data key. The field is the device's alone: added to
 * what the server sends, removed from what goes back, set by hooks on every local write.
 *
 * @module
 */
import type { RxCollection, RxJsonSchema, WithDeleted } from 'rxdb';
import { blindIndexer } from '@motcua/crypto/keys';
import type { WarehouseDocument } from '@motcua/model';

export type OwnerKey = (cccd: string) => Promise<string>;

/** The warehouse document as the device stores it. */
export type LocalWarehouseDocument = WarehouseDocument & { ownerKey?: string };

/** The index function of a database: keyed when its data is encrypted, the number itself otherwise. */
export async function ownerKeyFor(encryptionKey: string | undefined): Promise<OwnerKey> {
  if (!encryptionKey) return async (cccd) => cccd;
  const token = await blindIndexer(encryptionKey, 'ownerCccd');
  // A commune's papers belong to a few thousand people: a first sync computes each token once.
  const known = new Map<string, Promise<string>>();
  return (cccd) => {
    let key = known.get(cccd);
    if (!key) known.set(cccd, (key = token(cccd)));
    return key;
  };
}

/** `schema` with the indexed `ownerKey` field. */
export function withOwnerKey<T>(schema: RxJsonSchema<T>): RxJsonSchema<T> {
  return {
    ...schema,
    properties: { ...schema.properties, ownerKey: { type: 'string', maxLength: 64 } },
    required: [...((schema.required as string[] | undefined) ?? []), 'ownerKey'],
    indexes: [...(schema.indexes ?? []), 'ownerKey'],
  } as unknown as RxJsonSchema<T>;
}

/** How a document crosses between the device and the server when the device keeps more of it. */
export interface LocalShape<T> {
  toDevice: (doc: WithDeleted<T>) => Promise<WithDeleted<T>>;
  toServer: (doc: WithDeleted<T>) => WithDeleted<T>;
}

/** A local warehouse document as the server knows it (the owner index stays on the device). */
export function withoutOwnerKey<T>(doc: T & { ownerKey?: string }): T {
  const { ownerKey: _local, ...wire } = doc;
  return wire as T;
}

/** Warehouse documents of `db`: the owner index added on the way in, removed on the way out. */
export function ownerKeyShape<T>(db: object): LocalShape<T> {
  return {
    async toDevice(doc) {
      const cccd = (doc as { ownerCccd?: unknown }).ownerCccd;
      return typeof cccd === 'string' ? { ...doc, ownerKey: await ownerKeyOf(db, cccd) } : doc;
    },
    toServer: withoutOwnerKey,
  };
}

/** Every local insert and save sets the owner index from `ownerCccd`. */
export function installOwnerKeyHooks(warehouse: RxCollection<LocalWarehouseDocument>, ownerKey: OwnerKey): void {
  const set = async (data: LocalWarehouseDocument) => {
    data.ownerKey = await ownerKey(data.ownerCccd);
  };
  warehouse.preInsert(set, false);
  warehouse.preSave(set, false);
}

const keys = new WeakMap<object, OwnerKey>();

/** Remembers the index function of an open database. */
export function registerOwnerKey(db: object, ownerKey: OwnerKey): void {
  keys.set(db, ownerKey);
}

/** The owner index of `cccd` in `db`, for a query on `ownerKey`. */
export function ownerKeyOf(db: object, cccd: string): Promise<string> {
  const ownerKey = keys.get(db);
  if (!ownerKey) throw new Error('database opened without an owner index');
  return ownerKey(cccd);
}
