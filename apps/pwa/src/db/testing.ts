/**
 * Test support for the local database (imported by tests only, never by the app): RxDB dev-mode,
 * the storages the suites run against, and small valid documents.
 * @module
 */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DOSSIER_V1_FIELDS, type Dossier, type WarehouseDocument } from '@motcua/model';

let devMode = false;

/** Turns on RxDB dev-mode (schema and query checks) without its banner. Node tests only. */
export function enableDevMode(): void {
  if (devMode) return;
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devMode = true;
}

/** The storages every database suite runs against: memory, and Dexie on a fresh fake IndexedDB. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB types a storage for any document as RxStorage<any, any>
export const testStorages: { name: string; create: () => RxStorage<any, any> }[] = [
  { name: 'memory', create: () => getRxStorageMemory() },
  { name: 'dexie', create: () => getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) },
];

let counter = 0;
/** A database name no other test uses. */
export function uniqueName(prefix = 'motcua-test'): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

/** The smallest valid PDF header bytes, as a File. */
export function samplePdf(name = 'giay-khai-sinh.pdf', extra = ''): File {
  return new File([`%PDF-1.7\n% Motcua test ${extra}\n%%EOF\n`], name, { type: 'application/pdf' });
}

/** A valid dossier (submitted to Đắk La by citizen 062099000123) with `overrides` applied. */
export function sampleDossier(overrides: Partial<Dossier> = {}): Dossier {
  const now = new Date('2026-03-02T02:00:00Z');
  return {
    id: 'd-' + (counter++).toString(36),
    code: null,
    agencyId: '001.29.00.H34',
    ownerCccd: '062099000123',
    procedureId: '1.001193.000.00.00.H34',
    procedureVersion: '1',
    status: 1,
    channel: 2,
    applicant: {
      cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam',
      phone: '0905000123', email: '', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum',
    },
    summary: 'Đăng ký khai sinh',
    components: [
      { id: 'c1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, fileIds: [], warehouseDocId: null, reused: false, paperReceived: false },
      { id: 'c2', name: 'Giấy chứng sinh', originals: 1, copies: 0, fileIds: [], warehouseDocId: null, reused: false, paperReceived: false },
    ],
    returnMethod: 'online',
    notify: { sms: true, email: false, zalo: false },
    fee: { amount: 0, paid: 'none' },
    submittedAt: now.toISOString(),
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    decision: null,
    ...DOSSIER_V1_FIELDS,
    stepIndex: -1,
    assigneeId: null,
    conflicts: [],
    createdAt: now.toISOString(),
    updatedAt: now.getTime(),
    updatedBy: 'u-citizen-1',
    ...overrides,
  };
}

/** A valid warehouse document (a birth certificate of citizen 062099000123) with `overrides` applied. */
export function sampleWarehouseDocument(overrides: Partial<WarehouseDocument> = {}): WarehouseDocument {
  return {
    id: 'w-' + (counter++).toString(36),
    ownerCccd: '062099000123',
    docTypeCode: 'giay-khai-sinh',
    name: 'Giấy khai sinh',
    issuedAt: '2020-01-02',
    issuer: 'UBND xã Đắk La',
    number: '12/2020',
    validUntil: null,
    permanent: true,
    validScope: 'Toàn quốc',
    kind: 'result',
    fileId: 'f-1',
    sourceDossierId: null,
    procedureId: null,
    agencyId: '001.29.00.H34',
    digitizedBy: 'Phạm Thị Hoa',
    digitizedAt: '2026-03-02T02:00:00.000Z',
    updatedAt: 1,
    ...overrides,
  };
}

/** Every value of every object store of every database of `idb`, read raw (not through RxDB). */
export async function rawDump(idb: IDBFactory): Promise<string> {
  const parts: string[] = [];
  for (const info of await idb.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- IndexedDB sets `error` (a DOMException) before it fires `error`
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- IndexedDB sets `error` (a DOMException) before it fires `error`
        request.onerror = () => reject(request.error);
      });
      for (const value of values) parts.push(await stringify(value));
    }
    db.close();
  }
  return parts.join('\n');
}

async function stringify(value: unknown): Promise<string> {
  if (value instanceof Blob) return value.text();
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.values(value).map(stringify));
    return JSON.stringify(value) + entries.join(' ');
  }
  return JSON.stringify(value) ?? '';
}
