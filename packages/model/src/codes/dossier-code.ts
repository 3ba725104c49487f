/**
 * @module codes/dossier-code — mã hồ sơ: `<agency part>-YYMMDD-XXXX` (TT 01/2018/TT-VPCP Art.19).
 *
 * @remarks The agency part is either the full agency code (`000.00.00.H34`) or the shortened prefix
 * the provincial systems print (`H34.29.2`); YYMMDD is the Vietnam date of reception; XXXX the
 * agency's daily sequence number.
 */
import { toVnClock, isIsoDate } from '../calendar/vn-time.ts';
import { ModelError } from '../errors.ts';

export type DossierCodeErrorCode =
  | 'dossier_code_empty'
  | 'dossier_code_format'
  | 'dossier_code_prefix'
  | 'dossier_code_date'
  | 'dossier_code_seq';

export class DossierCodeError extends ModelError {
  declare readonly code: DossierCodeErrorCode;
  constructor(code: DossierCodeErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'DossierCodeError';
  }
}

export interface DossierCodeParts {
  prefix: string;
  /** Reception date, `YYYY-MM-DD` (years 2000–2099). */
  date: string;
  seq: number;
}

const PREFIX = /^[A-Z0-9]{1,3}(\.[A-Z0-9]{1,3}){0,3}$/;
const CODE = /^(.+)-(\d{6})-(\d{4})$/;

function checkPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) {
    throw new DossierCodeError(
      'dossier_code_prefix',
      `Phần mã cơ quan "${prefix}" không hợp lệ: gồm 1–4 nhóm chữ in hoa hoặc số (mỗi nhóm 1–3 ký tự) nối bằng dấu chấm, ví dụ H34.29.2.`,
      { prefix },
    );
  }
}

function checkSeq(seq: number): void {
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) {
    throw new DossierCodeError('dossier_code_seq', `Số thứ tự trong ngày phải từ 1 đến 9999, nhận được ${seq}.`, { seq });
  }
}

/**
 * Builds a dossier code; `date` is the reception instant, written as its Vietnam date.
 * @example formatDossierCode({ prefix: 'H34.29.2', date: new Date('2023-05-20T03:00:00Z'), seq: 1 }) // 'H34.29.2-230520-0001'
 */
export function formatDossierCode(input: { prefix: string; date: Date; seq: number }): string {
  checkPrefix(input.prefix);
  checkSeq(input.seq);
  if (Number.isNaN(input.date.getTime())) throw new DossierCodeError('dossier_code_date', 'Ngày tiếp nhận không hợp lệ.');
  const { date } = toVnClock(input.date);
  const yymmdd = date.slice(2).replaceAll('-', '');
  return `${input.prefix}-${yymmdd}-${String(input.seq).padStart(4, '0')}`;
}

/** Reads a dossier code, or throws {@link DossierCodeError} saying which part is wrong. */
export function parseDossierCode(input: string): DossierCodeParts {
  const s = typeof input === 'string' ? input.trim() : '';
  if (!s) throw new DossierCodeError('dossier_code_empty', 'Chưa nhập mã hồ sơ.');
  const m = CODE.exec(s);
  if (!m) {
    throw new DossierCodeError(
      'dossier_code_format',
      `Mã hồ sơ "${s}" không đúng dạng <mã cơ quan>-YYMMDD-XXXX, ví dụ H34.29.2-230520-0001.`,
      { value: s },
    );
  }
  const [, prefix, yymmdd, seqText] = m as unknown as [string, string, string, string];
  checkPrefix(prefix);
  const date = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!isIsoDate(date)) {
    throw new DossierCodeError('dossier_code_date', `Ngày tiếp nhận "${yymmdd}" trong mã hồ sơ không phải ngày có thật.`, { value: s });
  }
  const seq = Number(seqText);
  checkSeq(seq);
  return { prefix, date, seq };
}

/** null when `input` is a valid dossier code, else what is wrong, in Vietnamese. */
export function validateDossierCode(input: string): string | null {
  try {
    parseDossierCode(input);
    return null;
  } catch (e) {
    if (e instanceof DossierCodeError) return e.message;
    throw e;
  }
}
