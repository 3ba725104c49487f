/**
 * The province's certificate authority: created on first use, kept in the store's meta table (the
 * private key as PKCS#8, never logged, never in the repository) and loaded once per process.
 */
import {
  base64Decode,
  base64Encode,
  createCertificateAuthority,
  exportPrivateKey,
  importSigningPrivateKey,
  toPem,
  type CertificateAuthority,
  type Der,
} from '@motcua/crypto/pki';
import type { Agency } from '@motcua/model';
import type { SyncStore } from '../store/types.ts';

/** The CA as the routes use it. */
export interface ProvinceCa extends CertificateAuthority {
  certificatePem: string;
}

const META_KEY = 'pki_province_ca';

interface StoredCa {
  certificate: string;
  privateKey: string;
}

/** Finds the province in the agency directory, for the CA's name. */
async function provinceName(store: SyncStore): Promise<string> {
  const agencies = await store.documents.pull('agencies', { kind: 'all' }, 0, 1000);
  const province = agencies.map((doc) => doc.data as unknown as Agency).find((agency) => agency.level === 'province');
  return province?.placeName ?? 'Motcua';
}

/**
 * Returns the province CA, creating it if the store has none. Concurrent first calls (several
 * processes on one database) agree on one CA: the first stored wins.
 */
export async function loadProvinceCa(store: SyncStore, now = new Date()): Promise<ProvinceCa> {
  let stored = await store.meta.get(META_KEY);
  if (!stored) {
    const place = await provinceName(store);
    const created = await createCertificateAuthority({
      subject: { commonName: `Motcua CA tỉnh ${place}`, organization: `Hệ thống một cửa tỉnh ${place}`, province: place, country: 'VN' },
      now,
    });
    const value: StoredCa = {
      certificate: base64Encode(created.certificate),
      privateKey: base64Encode(await exportPrivateKey(created.keys.privateKey)),
    };
    stored = await store.meta.getOrSet(META_KEY, JSON.stringify(value));
  }
  const parsed = JSON.parse(stored) as StoredCa;
  const certificate: Der = base64Decode(parsed.certificate);
  return {
    certificate,
    certificatePem: toPem(certificate, 'CERTIFICATE'),
    privateKey: await importSigningPrivateKey(base64Decode(parsed.privateKey)),
  };
}

/** Loads the CA at most once per process (retrying after a failure). */
export function provinceCaLoader(store: SyncStore): () => Promise<ProvinceCa> {
  let ca: Promise<ProvinceCa> | undefined;
  return () => {
    ca ??= loadProvinceCa(store);
    // A failed load is not kept, so the next call retries; its error reaches the caller.
    ca.catch(() => {
      ca = undefined;
    });
    return ca;
  };
}
