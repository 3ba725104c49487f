/**
 * The province's certificate authority: a self-signed root, and end-entity signing certificates
 * issued from checked CSRs.
 * @module
 */
import { Certificate } from 'pkijs';
import { CryptoError } from '../errors.ts';
import { certificateDer, certificateTime, parseCertificate, randomSerialNumber } from './certificate.ts';
import { readCsr } from './csr.ts';
import type { Der } from './der.ts';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  keyIdentifier,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
} from './extensions.ts';
import { generateSigningKeyPair } from './keys.ts';
import { toDistinguishedName, type SubjectName } from './names.ts';

/** A CA the server can issue with: its certificate and its private key. */
export interface CertificateAuthority {
  certificate: Der;
  privateKey: CryptoKey;
}

/** Tolerance for clocks that run a little behind. */
const BACKDATE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface CreateCaOptions {
  subject: SubjectName;
  /** Defaults to a fresh extractable RSA-2048 pair (so the server can store it). */
  keys?: CryptoKeyPair;
  now?: Date;
  /** Default 20. */
  validityYears?: number;
}

/**
 * Creates a self-signed root CA (basicConstraints cA, keyCertSign + cRLSign).
 *
 * @example
 * const { certificate, keys } = await createCertificateAuthority({ subject: { commonName: 'Motcua CA tỉnh Kon Tum', country: 'VN', province: 'Kon Tum' } });
 */
export async function createCertificateAuthority(options: CreateCaOptions): Promise<{ certificate: Der; keys: CryptoKeyPair }> {
  const keys = options.keys ?? (await generateSigningKeyPair({ extractable: true }));
  const now = options.now ?? new Date();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validityYears ?? 20));
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerialNumber();
  certificate.subject = toDistinguishedName(options.subject);
  certificate.issuer = toDistinguishedName(options.subject);
  certificate.notBefore = certificateTime(new Date(now.getTime() - BACKDATE_MS));
  certificate.notAfter = certificateTime(notAfter);
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  const id = await keyIdentifier(certificate.subjectPublicKeyInfo);
  certificate.extensions = [
    basicConstraintsExtension(true),
    keyUsageExtension(['keyCertSign', 'cRLSign']),
    subjectKeyIdentifierExtension(id),
  ];
  await certificate.sign(keys.privateKey, 'SHA-256');
  return { certificate: certificateDer(certificate), keys };
}

export interface IssueOptions {
  ca: CertificateAuthority;
  /** PEM or DER PKCS#10 request. */
  csr: string | Der;
  /**
   * Called with the subject the CSR asks for; throw to refuse (the server checks it names the
   * signed-in person). Returns the subject to certify (usually the same).
   */
  approveSubject?: (subject: SubjectName) => SubjectName | Promise<SubjectName>;
  now?: Date;
  /** Default 3 years (1095 days). */
  validityDays?: number;
}

/**
 * Issues an end-entity signing certificate (digitalSignature + nonRepudiation, not a CA) for the
 * key in `csr`, after checking the CSR's own signature. Throws `CryptoError('bad_input')` on a
 * forged or unreadable CSR, `CryptoError('unsupported')` for a key other than RSA ≥ 2048.
 */
export async function issueCertificate(options: IssueOptions): Promise<Der> {
  const csr = await readCsr(options.csr);
  if (!csr.signatureValid) throw new CryptoError('bad_input', 'Chữ ký của yêu cầu cấp chứng thư (CSR) không hợp lệ');
  // RSA ≥ 2048 is what every PDF verifier in use accepts.
  if (csr.rsaBits === null || csr.rsaBits < 2048) {
    throw new CryptoError('unsupported', 'Khóa ký số phải là RSA từ 2048 bit trở lên');
  }
  const subject = options.approveSubject ? await options.approveSubject(csr.subject) : csr.subject;
  if (!subject.commonName.trim()) throw new CryptoError('bad_input', 'Yêu cầu cấp chứng thư thiếu họ tên (CN)');
  const caCertificate = parseCertificate(options.ca.certificate);
  const now = options.now ?? new Date();
  let notAfter = new Date(now.getTime() + (options.validityDays ?? 1095) * DAY_MS);
  if (notAfter > caCertificate.notAfter.value) notAfter = caCertificate.notAfter.value;

  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerialNumber();
  certificate.subject = toDistinguishedName(subject);
  certificate.issuer = caCertificate.subject;
  certificate.notBefore = certificateTime(new Date(now.getTime() - BACKDATE_MS));
  certificate.notAfter = certificateTime(notAfter);
  certificate.subjectPublicKeyInfo = csr.request.subjectPublicKeyInfo;
  certificate.extensions = [
    basicConstraintsExtension(false),
    keyUsageExtension(['digitalSignature', 'nonRepudiation']),
    subjectKeyIdentifierExtension(await keyIdentifier(certificate.subjectPublicKeyInfo)),
    authorityKeyIdentifierExtension(await keyIdentifier(caCertificate.subjectPublicKeyInfo)),
  ];
  await certificate.sign(options.ca.privateKey, 'SHA-256');
  return certificateDer(certificate);
}
