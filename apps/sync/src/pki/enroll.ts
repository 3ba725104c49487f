/**
 * Enrollment: a signed-in person sends a CSR for the key their device made; the CA certifies it
 * only for the name and agency their account has.
 */
import { CryptoError } from '@motcua/crypto';
import { issueCertificate, readCsr, sameSubject, toPem, type SubjectName } from '@motcua/crypto/pki';
import type { Agency, SessionUser } from '@motcua/model';
import { badRequest, forbidden } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import type { ProvinceCa } from './province-ca.ts';

export interface Enrollment {
  certificatePem: string;
  /** The issuers of the certificate (the province CA), PEM. */
  chainPem: string;
}

/** The subject a user's certificate must carry: name and agency from the account. */
export async function subjectOf(store: SyncStore, user: SessionUser): Promise<SubjectName> {
  let organization: string | undefined;
  if (user.agencyId) {
    const agency = await store.documents.get('agencies', user.agencyId);
    organization = (agency?.data as unknown as Agency | undefined)?.name;
  }
  return { commonName: user.fullName, userId: user.username, ...(organization ? { organization } : {}) };
}

/** Checks the CSR against the account and issues the certificate; 400/403 JSON errors otherwise. */
export async function enroll(options: { store: SyncStore; ca: ProvinceCa; user: SessionUser; csrPem: unknown }): Promise<Enrollment> {
  if (typeof options.csrPem !== 'string' || options.csrPem.length > 20_000) {
    throw badRequest('bad_csr', 'Thiếu yêu cầu cấp chứng thư (csrPem)');
  }
  const expected = await subjectOf(options.store, options.user);
  let csr;
  try {
    csr = await readCsr(options.csrPem);
  } catch (error) {
    if (error instanceof CryptoError) throw badRequest('bad_csr', error.message);
    throw error;
  }
  if (!csr.signatureValid) throw badRequest('bad_csr', 'Chữ ký của yêu cầu cấp chứng thư (CSR) không hợp lệ');
  if (!sameSubject(csr.subject, expected)) {
    throw forbidden(
      'subject_mismatch',
      `Yêu cầu cấp chứng thư phải mang đúng họ tên và cơ quan của tài khoản: ${[expected.commonName, expected.organization].filter(Boolean).join(', ')}`,
    );
  }
  let certificate;
  try {
    certificate = await issueCertificate({ ca: options.ca, csr: options.csrPem, approveSubject: () => expected });
  } catch (error) {
    if (error instanceof CryptoError) throw badRequest('bad_csr', error.message);
    throw error;
  }
  return { certificatePem: toPem(certificate, 'CERTIFICATE'), chainPem: options.ca.certificatePem };
}
