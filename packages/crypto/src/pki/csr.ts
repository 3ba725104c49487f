/**
 * PKCS#10 certificate requests: the device builds one for its own key; the CA reads and checks it.
 * @module
 */
import * as asn1js from 'asn1js';
import { CertificationRequest, RSAPublicKey } from 'pkijs';
import { CryptoError } from '../errors.ts';
import { bufferOf, derOf, toPem, type Der } from './der.ts';
import { fromDistinguishedName, toDistinguishedName, type SubjectName } from './names.ts';

export interface CreatedCsr {
  der: Der;
  pem: string;
}

/**
 * A CSR for `keys.publicKey`, naming `subject`, signed with `keys.privateKey` (SHA-256), so the CA
 * can check that the requester holds the private key.
 *
 * @example
 * const csr = await createCsr(keys, { commonName: 'Nguyễn Thị Hoà', organization: 'UBND xã Đắk La', userId: 'motcua.dakla' });
 */
export async function createCsr(keys: CryptoKeyPair, subject: SubjectName): Promise<CreatedCsr> {
  const request = new CertificationRequest();
  request.version = 0;
  request.subject = toDistinguishedName(subject);
  await request.subjectPublicKeyInfo.importKey(keys.publicKey);
  await request.sign(keys.privateKey, 'SHA-256');
  const der = new Uint8Array(request.toSchema().toBER(false));
  return { der, pem: toPem(der, 'CERTIFICATE REQUEST') };
}

export interface ReadCsr {
  subject: SubjectName;
  /** The pkijs request, for `issueCertificate`. */
  request: CertificationRequest;
  /** True when the request is signed by the key it carries. */
  signatureValid: boolean;
  /** RSA modulus size in bits; null for other key types. */
  rsaBits: number | null;
}

/** Parses a CSR (PEM or DER) and checks its self-signature; throws `bad_input` when it is not a CSR. */
export async function readCsr(csr: string | Der): Promise<ReadCsr> {
  let request: CertificationRequest;
  try {
    const der = derOf(csr, 'CERTIFICATE REQUEST');
    const asn1 = asn1js.fromBER(bufferOf(der));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    request = new CertificationRequest({ schema: asn1.result });
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('bad_input', `Yêu cầu cấp chứng thư (CSR) không đọc được: ${String((error as Error).message ?? error)}`);
  }
  let signatureValid = false;
  try {
    signatureValid = await request.verify();
  } catch {
    signatureValid = false;
  }
  return { subject: fromDistinguishedName(request.subject), request, signatureValid, rsaBits: rsaBitsOf(request) };
}

function rsaBitsOf(request: CertificationRequest): number | null {
  const key = request.subjectPublicKeyInfo.parsedKey;
  if (!(key instanceof RSAPublicKey)) return null;
  const modulus = key.modulus.valueBlock.valueHexView;
  let start = 0;
  while (start < modulus.length && modulus[start] === 0) start++;
  return (modulus.length - start) * 8;
}
