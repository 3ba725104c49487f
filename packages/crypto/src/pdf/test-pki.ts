/**
 * Test fixtures: a throwaway CA and a signer for one person (never used outside tests).
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCertificateAuthority, issueCertificate } from '../pki/ca.ts';
import { createCsr } from '../pki/csr.ts';
import type { Der } from '../pki/der.ts';
import { generateSigningKeyPair } from '../pki/keys.ts';
import type { SubjectName } from '../pki/names.ts';
import { createLocalSigner, type Signer } from './signer.ts';

export interface TestPki {
  caCertificate: Der;
  signer: Signer;
  /** Another person's signer under the same CA. */
  signerFor(subject: SubjectName): Promise<Signer>;
}

export async function createTestPki(subject: SubjectName, caName = 'CA thử nghiệm tỉnh Kon Tum'): Promise<TestPki> {
  const ca = await createCertificateAuthority({ subject: { commonName: caName, country: 'VN', province: 'Kon Tum' } });
  const signerFor = async (who: SubjectName) => {
    const keys = await generateSigningKeyPair();
    const csr = await createCsr(keys, who);
    const certificate = await issueCertificate({ ca: { certificate: ca.certificate, privateKey: ca.keys.privateKey }, csr: csr.der });
    return createLocalSigner({ privateKey: keys.privateKey, certificateChain: [certificate, ca.certificate] });
  };
  return { caCertificate: ca.certificate, signer: await signerFor(subject), signerFor };
}

/** DejaVu Sans from node_modules (the font the PWA bundles). */
export function dejavuSans(): Uint8Array {
  const require = createRequire(import.meta.url);
  return new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
}
