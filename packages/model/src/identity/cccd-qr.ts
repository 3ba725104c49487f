/**
 * @module identity/cccd-qr — the text in the QR code printed on the chip-based CCCD (TT 06/2021/TT-BCA)
 * and, as far as it is known, on the 2024 Thẻ căn cước.
 *
 * @remarks The payload is UTF-8 with `|`-separated fields and no labels:
 * `số CCCD|số CMND cũ|Họ và tên|ngày sinh ddMMyyyy|Nam/Nữ|nơi thường trú|ngày cấp ddMMyyyy`.
 * The parser is tolerant: the CMND field is often empty, readers and newer cards may append fields
 * (ignored, but reported in `extra`), keyboard-wedge scanners may produce decomposed diacritics
 * (everything is normalized to NFC), and stray whitespace or a trailing newline is trimmed.
 */
import { ModelError } from '../errors.ts';

export type CccdQrErrorCode =
  | 'qr_empty'
  | 'qr_fields'
  | 'qr_cccd'
  | 'qr_cmnd'
  | 'qr_name'
  | 'qr_birth_date'
  | 'qr_gender'
  | 'qr_issue_date';

/** The QR text is not a CCCD payload; `code` says which field is wrong. */
export class CccdQrError extends ModelError {
  declare readonly code: CccdQrErrorCode;
  constructor(code: CccdQrErrorCode, message: string) {
    super(code, message);
    this.name = 'CccdQrError';
  }
}

/** What the card's QR code says, in the dossier's own shapes (ISO dates, `nam`/`nu`). */
export interface CccdQrData {
  cccd: string;
  /** The old 9-digit CMND number, or null when the field is empty. */
  oldIdNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: 'nam' | 'nu';
  address: string;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  /** Fields after the seventh (e.g. an expiry date some readers add), as read. */
  extra: string[];
}

/** `ddMMyyyy` → `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function qrDateToIso(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function parseGender(text: string): 'nam' | 'nu' | null {
  const folded = text.normalize('NFC').trim().toLowerCase();
  if (folded === 'nam') return 'nam';
  if (folded === 'nữ' || folded === 'nu') return 'nu';
  return null;
}

/**
 * Parses the QR text of a CCCD card.
 *
 * @throws CccdQrError with a Vietnamese message naming the wrong field.
 * @example
 * parseCccdQr('001090123456|012345678|NGUYEN VAN A|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021')
 * // { cccd: '001090123456', oldIdNumber: '012345678', birthDate: '1990-01-01', gender: 'nam', issueDate: '2021-04-15', … }
 */
export function parseCccdQr(raw: string): CccdQrData {
  const text = raw.normalize('NFC').replace(/^\uFEFF/, '').trim();
  if (!text) throw new CccdQrError('qr_empty', 'Mã QR không có nội dung.');
  const fields = text.split('|').map((f) => f.trim());
  if (fields.length < 7) {
    throw new CccdQrError('qr_fields', `Mã QR không phải của thẻ CCCD: cần ít nhất 7 trường, chỉ có ${fields.length}.`);
  }
  const [cccd, cmnd, name, birth, gender, address, issued, ...extra] = fields as [
    string, string, string, string, string, string, string, ...string[],
  ];
  if (!/^\d{12}$/.test(cccd)) throw new CccdQrError('qr_cccd', `Số CCCD trong mã QR phải gồm 12 chữ số, đọc được "${cccd}".`);
  if (cmnd !== '' && !/^\d{9}$/.test(cmnd)) {
    throw new CccdQrError('qr_cmnd', `Số CMND cũ trong mã QR phải gồm 9 chữ số hoặc để trống, đọc được "${cmnd}".`);
  }
  const fullName = name.replace(/\s+/g, ' ');
  if (!fullName) throw new CccdQrError('qr_name', 'Mã QR không có họ và tên.');
  const birthDate = qrDateToIso(birth);
  if (!birthDate) throw new CccdQrError('qr_birth_date', `Ngày sinh trong mã QR không hợp lệ: "${birth}" (cần ngàyThángNăm, 8 chữ số).`);
  const g = parseGender(gender);
  if (!g) throw new CccdQrError('qr_gender', `Giới tính trong mã QR phải là "Nam" hoặc "Nữ", đọc được "${gender}".`);
  let issueDate: string | null = null;
  if (issued !== '') {
    issueDate = qrDateToIso(issued);
    if (!issueDate) throw new CccdQrError('qr_issue_date', `Ngày cấp trong mã QR không hợp lệ: "${issued}".`);
  }
  return {
    cccd,
    oldIdNumber: cmnd === '' ? null : cmnd,
    fullName,
    birthDate,
    gender: g,
    address: address.replace(/\s+/g, ' '),
    issueDate,
    extra,
  };
}

/** Builds the QR text of a card (for tests, fixtures and demo cards): the inverse of {@link parseCccdQr}. */
export function formatCccdQr(data: Omit<CccdQrData, 'extra'> & { extra?: string[] }): string {
  const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : '');
  return [
    data.cccd,
    data.oldIdNumber ?? '',
    data.fullName,
    dmy(data.birthDate),
    data.gender === 'nam' ? 'Nam' : 'Nữ',
    data.address,
    dmy(data.issueDate),
    ...(data.extra ?? []),
  ]
    .join('|')
    .normalize('NFC');
}
