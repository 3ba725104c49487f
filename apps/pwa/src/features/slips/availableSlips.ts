/**
 * Which slips a dossier has grounds for: the receipt once received, the supplement request and
 * the rejection while that decision stands, the apology once one was issued.
 */
import type { Dossier } from '@motcua/model';
import type { SlipKind } from '@motcua/model/slips';

export const SLIP_LABELS: Record<SlipKind, string> = {
  receipt: 'In phiếu tiếp nhận và hẹn trả kết quả',
  supplement: 'In phiếu yêu cầu bổ sung',
  rejection: 'In phiếu từ chối',
  apology: 'In phiếu xin lỗi và hẹn lại ngày trả kết quả',
};

/** The slips' file names, by kind. */
export const SLIP_FILE_NAMES: Record<SlipKind, string> = {
  receipt: 'phieu-tiep-nhan',
  supplement: 'phieu-yeu-cau-bo-sung',
  rejection: 'phieu-tu-choi',
  apology: 'phieu-xin-loi',
};

export function availableSlips(d: Pick<Dossier, 'status' | 'receivedAt' | 'decision' | 'apology'>): SlipKind[] {
  const out: SlipKind[] = [];
  if (d.receivedAt && d.status >= 2) out.push('receipt');
  if (d.decision?.kind === 'supplement' && d.status === 5) out.push('supplement');
  if (d.decision?.kind === 'reject' && d.status === 3) out.push('rejection');
  if (d.apology) out.push('apology');
  return out;
}
