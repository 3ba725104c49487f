/**
 * `verifyPdfSignatures`: one report per signature of a PDF, in Vietnamese, as the warehouse and
 * the signature history show them.
 * @module
 */
import { fromDistinguishedName } from '../pki/names.ts';
import { derOf, type Der } from '../pki/der.ts';
import { parseCertificate } from '../pki/certificate.ts';
import { findSignatures } from './find-signatures.ts';
import { byteRangeContent } from './placeholder.ts';
import { SIGNING_METHODS, type SigningMethod } from './signer.ts';
import { checkCms, type SignatureProblem } from './verify-cms.ts';

/** The outcome for one signature. */
export interface SignatureReport {
  valid: boolean;
  /** Stable code for callers: null when valid. */
  problem: SignatureProblem | 'appended' | null;
  /** Vietnamese explanation when not valid ("Tài liệu đã bị sửa sau khi ký"); null when valid. */
  reason: string | null;
  signerName: string | null;
  agency: string | null;
  /** /M of the signature (or the CMS signing time). */
  signedAt: Date | null;
  method?: SigningMethod;
  /** True when the signed range ends at the end of the file (no later change). */
  coversWholeDocument: boolean;
  subFilter: string | null;
  /** The certificate's issuer (the CA) common name. */
  issuerName: string | null;
}

export const SIGNATURE_REASONS: Record<NonNullable<SignatureReport['problem']>, string> = {
  malformed: 'Chữ ký số bị hỏng hoặc không đúng định dạng',
  modified: 'Tài liệu đã bị sửa sau khi ký',
  bad_signature: 'Chữ ký không khớp với chứng thư số của người ký',
  untrusted: 'Chứng thư số không do CA tin cậy cấp',
  expired: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực tại thời điểm ký',
  wrong_usage: 'Chứng thư số không được cấp cho việc ký số',
  unsupported: 'Thuật toán chữ ký chưa được hỗ trợ',
  appended: 'Tài liệu đã bị thêm nội dung sau khi ký',
};

export interface VerifyPdfOptions {
  /** CA certificates to trust (DER or PEM). */
  trustAnchors: Array<Der | string>;
}

/**
 * Verifies every signature of a PDF. An empty array means the file is not signed.
 *
 * @remarks
 * A signature is valid when its CMS matches the bytes it covers, its certificate chains to one
 * of `trustAnchors` and was valid when it signed, and nothing unsigned was appended after the
 * last signature (a later signed revision is fine: earlier signatures then report
 * `coversWholeDocument: false` but stay valid).
 */
export async function verifyPdfSignatures(pdfBytes: Uint8Array, options: VerifyPdfOptions): Promise<SignatureReport[]> {
  const anchors = options.trustAnchors.map((a) => parseCertificate(derOf(a, 'CERTIFICATE')));
  const found = findSignatures(pdfBytes);
  const lastEnd = Math.max(0, ...found.filter((f) => !f.problem).map((f) => f.byteRange[2] + f.byteRange[3]));
  const reports: SignatureReport[] = [];
  for (const signature of found) {
    const [, , c, d] = signature.byteRange;
    const base = {
      signedAt: signature.signedAt,
      subFilter: signature.subFilter,
      coversWholeDocument: c + d === pdfBytes.length,
      ...(SIGNING_METHODS.includes(signature.method as SigningMethod) ? { method: signature.method as SigningMethod } : {}),
    };
    if (signature.problem) {
      reports.push(report({ ...base, signerName: null, agency: null, issuerName: null }, 'malformed'));
      continue;
    }
    const check = await checkCms(signature.cms, byteRangeContent(pdfBytes, signature.byteRange), anchors, signature.signedAt);
    const subject = check.signerCertificate ? fromDistinguishedName(check.signerCertificate.subject) : null;
    const issuer = check.signerCertificate ? fromDistinguishedName(check.signerCertificate.issuer) : null;
    const people = {
      ...base,
      signedAt: base.signedAt ?? check.signingTime,
      signerName: subject?.commonName || null,
      agency: subject?.organization ?? null,
      issuerName: issuer?.commonName || null,
    };
    const appended = !check.problem && c + d === lastEnd && lastEnd !== pdfBytes.length;
    reports.push(report(people, check.problem ?? (appended ? 'appended' : null)));
  }
  return reports;
}

function report(
  fields: Omit<SignatureReport, 'valid' | 'problem' | 'reason'>,
  problem: SignatureReport['problem'],
): SignatureReport {
  return { valid: problem === null, problem, reason: problem ? SIGNATURE_REASONS[problem] : null, ...fields };
}
