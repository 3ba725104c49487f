/**
 * The device keystore: per person, the non-extractable signing key pair (CryptoKeys are stored as
 * such by IndexedDB: the private key never exists as bytes), the certificate the province CA issued
 * for it, and the CA certificate used as the trust anchor when verifying.
 */
import { SigningError } from './signingError.ts';

/** What the device keeps for one person. */
export interface DeviceIdentity {
  userId: string;
  keys: CryptoKeyPair;
  /** Null until the CA has certified the key. */
  certificatePem: string | null;
  /** The issuers (the province CA), PEM. */
  chainPem: string | null;
  /** ISO time of the certificate's expiry. */
  notAfter: string | null;
  enrolledAt: string | null;
}

export interface DeviceKeystore {
  get(userId: string): Promise<DeviceIdentity | null>;
  put(identity: DeviceIdentity): Promise<void>;
  delete(userId: string): Promise<void>;
  /** The province CA certificate (PEM), cached at enrollment or at the first verification online. */
  getTrustAnchor(): Promise<string | null>;
  putTrustAnchor(pem: string): Promise<void>;
}

const DB_NAME = 'motcua-signing';
const IDENTITIES = 'identities';
const SETTINGS = 'settings';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- IndexedDB sets `error` (a DOMException) before it fires `error`
    req.onerror = () => reject(req.error);
  });
}

/** Version 2: the stores are created whenever missing (also over an empty version-1 database). */
function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 2);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(IDENTITIES)) db.createObjectStore(IDENTITIES, { keyPath: 'userId' });
    if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
  };
  return request(req);
}

/**
 * Opens the keystore (a small IndexedDB database of its own, outside RxDB: CryptoKeys must not be
 * replicated or serialized). `factory` defaults to the browser's `indexedDB`.
 */
export function openDeviceKeystore(factory: IDBFactory = globalThis.indexedDB): DeviceKeystore {
  if (!factory) throw new SigningError('storage', 'Trình duyệt này không có IndexedDB để giữ khóa ký số');
  let db: Promise<IDBDatabase> | undefined;
  const store = async (name: string, mode: IDBTransactionMode) => {
    db ??= open(factory);
    return (await db).transaction(name, mode).objectStore(name);
  };
  return {
    async get(userId) {
      return ((await request((await store(IDENTITIES, 'readonly')).get(userId))) as DeviceIdentity | undefined) ?? null;
    },
    async put(identity) {
      await request((await store(IDENTITIES, 'readwrite')).put(identity));
    },
    async delete(userId) {
      await request((await store(IDENTITIES, 'readwrite')).delete(userId));
    },
    async getTrustAnchor() {
      return ((await request((await store(SETTINGS, 'readonly')).get('trustAnchor'))) as string | undefined) ?? null;
    },
    async putTrustAnchor(pem) {
      await request((await store(SETTINGS, 'readwrite')).put(pem, 'trustAnchor'));
    },
  };
}
