/**
 * Words for signatures on screen: the overall status of a file and the names of signing methods.
 */
import type { SignatureReport, SigningMethod } from '@motcua/crypto/pdf';
import { formatDateTime } from '../../lib/format.ts';

export const METHOD_LABELS: Record<SigningMethod, string> = {
  local: 'Khóa ký số trên thiết bị',
  sim: 'Ký số qua SIM',
  smartca: 'VNPT SmartCA',
  token: 'USB Token',
  'vnpt-ca': 'VNPT-CA',
  neac: 'Dịch vụ ký số NEAC',
};

/** A file's status in a word: no signature, all valid, or at least one invalid. */
export type SignatureSummary =
  | { kind: 'unsigned'; title: 'Chưa ký số' }
  | { kind: 'valid'; title: 'Chữ ký hợp lệ'; detail: string }
  | { kind: 'invalid'; title: 'Chữ ký không hợp lệ'; detail: string };

/** Sums up the reports; the detail names the latest signer and time, or the first problem. */
export function summarizeSignatures(reports: readonly SignatureReport[]): SignatureSummary {
  if (reports.length === 0) return { kind: 'unsigned', title: 'Chưa ký số' };
  const bad = reports.find((r) => !r.valid);
  if (bad) return { kind: 'invalid', title: 'Chữ ký không hợp lệ', detail: describeSigner(bad) + (bad.reason ? ` — ${bad.reason}` : '') };
  return { kind: 'valid', title: 'Chữ ký hợp lệ', detail: describeSigner(reports[reports.length - 1]!) };
}

/** "Phạm Thị Hoa (UBND xã Đắk La), 24/11/2026 14:05". */
export function describeSigner(report: SignatureReport): string {
  const who = report.signerName ? `${report.signerName}${report.agency ? ` (${report.agency})` : ''}` : 'Không rõ người ký';
  return report.signedAt ? `${who}, ${formatDateTime(report.signedAt)}` : who;
}
