/**
 * The text of the visible signature stamp (the Kon Tum rule: who copied the document, for which
 * agency, and when), in Vietnam time.
 */
import { formatDateTime } from '../../lib/format.ts';

/** What the caller knows about a signature's stamp. */
export interface StampInfo {
  signerName: string;
  agencyName: string;
  at: Date;
  /** First line; default "Bản sao điện tử đã ký số". */
  title?: string;
}

/** The stamp's lines, NFC-normalized; an empty agency (a citizen) leaves its line out. */
export function stampLines(stamp: StampInfo): string[] {
  const lines = [
    stamp.title?.trim() || 'Bản sao điện tử đã ký số',
    `Người ký: ${stamp.signerName.trim()}`,
    stamp.agencyName.trim() ? `Cơ quan: ${stamp.agencyName.trim()}` : '',
    `Thời gian: ${formatDateTime(stamp.at)}`,
  ];
  return lines.filter(Boolean).map((line) => line.normalize('NFC'));
}
