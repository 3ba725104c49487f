/**
 * @module @motcua/crypto/pki — signing keys, PKCS#10 requests and the province's certificate
 * authority, on WebCrypto and pkijs (browsers and Node alike).
 */
export { generateSigningKeyPair, importSigningPrivateKey, exportPrivateKey, rsaSign, SIGNING_KEY_ALGORITHM } from './keys.ts';
export { createCsr, readCsr } from './csr.ts';
export type { CreatedCsr, ReadCsr } from './csr.ts';
export { createCertificateAuthority, issueCertificate } from './ca.ts';
export type { CertificateAuthority, CreateCaOptions, IssueOptions } from './ca.ts';
export { parseCertificate, describeCertificate, certificateDer } from './certificate.ts';
export type { CertificateInfo } from './certificate.ts';
export { sameSubject } from './names.ts';
export type { SubjectName } from './names.ts';
export { toPem, fromPem, pemBlocks, derOf, base64Encode, base64Decode } from './der.ts';
export type { Der } from './der.ts';
export type { KeyUsageName } from './extensions.ts';
