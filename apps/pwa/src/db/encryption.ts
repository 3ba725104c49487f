/**
 * Encryption at rest of the local database: which fields are ciphertext in IndexedDB, and the
 * storage wrapper that encrypts them with the person's data key.
 *
 * @remarks The schemas of `@motcua/model` are the replicated shape and stay free of storage
 * concerns; this module derives from each a copy with an `encrypted` list. Encrypted fields cannot
 * be queried or indexed: every selector in the app uses only the plain fields (status, agencyId,
 * code, procedureId, dossierId, deviceId, state, dates, `conflicts`, which the conflicts screen
 * selects on, and the warehouse's `ownerKey`, a blind index of the encrypted CCCD: `owner-key.ts`). The `blobs` attachments (file bytes) are encrypted too. The data
 * key comes from `@motcua/crypto/keys`, unwrapped with the password; a password change re-wraps
 * it and never re-encrypts the data.
 * @module
 */
import type { RxJsonSchema, RxStorage } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import type { DeviceCollectionName } from '@motcua/model';

/** The top-level fields stored as ciphertext, per collection (names, identity numbers, contents). */
export const encryptedFields: Record<DeviceCollectionName | 'blobs', readonly string[]> = {
  agencies: [],
  procedures: [],
  dossiers: ['ownerCccd', 'applicant', 'summary', 'components', 'notify', 'content', 'decision', 'identityCheck', 'result', 'apology', 'rating'],
  events: ['ownerCccd', 'actor', 'comment', 'data', 'action', 'outcome'],
  warehouse: ['ownerCccd', 'name', 'issuer', 'number', 'validScope', 'digitizedBy'],
  files: ['ownerCccd', 'name'],
  blobs: ['name'],
};

/**
 * A copy of `schema` with the collection's encrypted fields (and encrypted attachments when the
 * schema has attachments). Throws if a listed field is missing or indexed, so the list cannot drift.
 */
export function withEncryption<T>(schema: RxJsonSchema<T>, fields: readonly string[]): RxJsonSchema<T> {
  const properties = schema.properties as Record<string, unknown>;
  const indexed = new Set((schema.indexes ?? []).flat());
  for (const field of fields) {
    if (!Object.hasOwn(properties, field)) throw new Error(`${schema.title}: no field ${field} to encrypt`);
    if (indexed.has(field)) throw new Error(`${schema.title}: indexed field ${field} cannot be encrypted`);
  }
  return {
    ...schema,
    ...(fields.length > 0 ? { encrypted: [...fields] } : {}),
    ...(schema.attachments ? { attachments: { ...schema.attachments, encrypted: true } } : {}),
  };
}

/** Wraps a storage so that encrypted fields and attachments are written as ciphertext. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB types a storage for any document as RxStorage<any, any>
export function encryptingStorage(storage: RxStorage<any, any>): RxStorage<any, any> {
  return wrappedKeyEncryptionCryptoJsStorage({ storage });
}

/** The stored form changed with encryption: databases are named with this suffix. */
export const ENCRYPTED_NAME_SUFFIX = '-v2';
