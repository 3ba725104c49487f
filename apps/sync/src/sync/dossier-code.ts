/**
 * Server-assigned dossier codes: `${agency.dossierPrefix}-${YYMMDD of receivedAt, Vietnam time}-${NNNN}`,
 * the daily sequence per agency drawn from the store inside the push transaction.
 */
import { formatDossierCode } from '@motcua/model';
import { unprocessable } from '../errors.ts';
import type { DocumentTx } from '../store/types.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** YYMMDD of `date` in Vietnam time (UTC+7), whatever the host time zone. */
export function vnDayKey(date: Date): string {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(2, 10).replaceAll('-', '');
}

export async function assignDossierCode(
  tx: DocumentTx,
  dossier: { agencyId: string; receivedAt: string | null },
  now: Date,
): Promise<string> {
  const agency = await tx.get('agencies', dossier.agencyId);
  const prefix = agency && !agency.deleted ? agency.data.dossierPrefix : undefined;
  if (typeof prefix !== 'string' || prefix === '') {
    throw unprocessable('unknown_agency', `Không tìm thấy cơ quan "${dossier.agencyId}" để cấp mã hồ sơ`);
  }
  const received = dossier.receivedAt ? new Date(dossier.receivedAt) : now;
  const date = Number.isNaN(received.getTime()) ? now : received;
  const seq = await tx.nextDailySeq(dossier.agencyId, vnDayKey(date));
  return formatDossierCode({ prefix, date, seq });
}
