/**
 * The check a pushed dossier code must pass: it is the agency's, dated the day of reception, drawn
 * from a range leased to the pushing device, and no other dossier carries it. Codes the
 * server issues itself never reach this check; codes a lower tier relays are checked for uniqueness.
 */
import { parseDossierCode, vnDate, type DossierCodeParts } from '@motcua/model';
import { forbidden, HttpError } from '../errors.ts';
import type { DocumentTx } from '../store/types.ts';

export interface PushedCode {
  code: string;
  dossierId: string;
  agencyId: string;
  receivedAt: string | null;
}

/** Throws 403 `code_not_leased` / 409 `code_used` (422 for a malformed code). */
export async function checkPushedCode(
  tx: DocumentTx,
  pusher: { userId: string; deviceId: string | null; tier?: boolean },
  pushed: PushedCode,
): Promise<void> {
  const parts = parseDossierCode(pushed.code);
  // A lower tier relays codes its own server checked against its leases: only uniqueness is ours.
  if (!pusher.tier) await checkLeased(tx, pusher, pushed, parts);
  if (!(await tx.codes.claim(pushed.code, pushed.agencyId, pushed.dossierId))) {
    throw new HttpError(409, 'code_used', `Mã hồ sơ "${pushed.code}" đã được dùng cho hồ sơ khác`);
  }
}

async function checkLeased(
  tx: DocumentTx,
  pusher: { userId: string; deviceId: string | null },
  pushed: PushedCode,
  parts: DossierCodeParts,
): Promise<void> {
  const agency = await tx.get('agencies', pushed.agencyId);
  const refuse = (why: string) =>
    forbidden('code_not_leased', `Mã hồ sơ "${pushed.code}" không được cấp cho máy này: ${why}`);
  if (!agency || agency.data.dossierPrefix !== parts.prefix) throw refuse('không phải mã của cơ quan tiếp nhận');
  if (pushed.receivedAt && vnDate(new Date(pushed.receivedAt)) !== parts.date) throw refuse('ngày trong mã khác ngày tiếp nhận');
  const holder = await tx.codes.holderOf(pushed.agencyId, parts.date.slice(2).replaceAll('-', ''), parts.seq);
  // The device that leased the number (several officers may share a desk's PC); a push without a
  // device id is matched by the officer who leased it.
  const ours = holder !== null && (pusher.deviceId !== null ? holder.deviceId === pusher.deviceId : holder.userId === pusher.userId);
  if (!ours) {
    throw refuse('số thứ tự nằm ngoài dãy số đã cấp cho máy');
  }
}
