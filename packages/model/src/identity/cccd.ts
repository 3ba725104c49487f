/**
 * @module identity/cccd — the 12-digit personal identification number (số định danh cá nhân, CCCD):
 * province of birth registration (3) + century/gender (1) + birth year (2) + random (6)
 * (NĐ 137/2015 Art.13, TT 07/2016/TT-BCA Art.7).
 */
import { ModelError } from '../errors.ts';
import { CCCD_PROVINCES } from './provinces.ts';

export type CccdErrorCode =
  | 'cccd_empty'
  | 'cccd_not_digits'
  | 'cccd_length'
  | 'cccd_province'
  | 'cccd_birth_year_mismatch'
  | 'cccd_gender_mismatch'
  | 'cccd_birth_date';

/** What is wrong with a CCCD number; `code` says which part. */
export class CccdError extends ModelError {
  declare readonly code: CccdErrorCode;
  constructor(code: CccdErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'CccdError';
  }
}

export interface CccdInfo {
  cccd: string;
  provinceCode: string;
  provinceName: string;
  gender: 'nam' | 'nu';
  /** First year of the birth century: 1900, 2000, 2100… */
  birthCentury: number;
  /** Last two digits of the birth year. */
  birthYear2: number;
  /** `birthCentury + birthYear2`. */
  birthYear: number;
}

/**
 * Reads a CCCD number. Surrounding spaces are ignored; anything else wrong throws {@link CccdError}.
 * @example parseCccd('062099000123') // { provinceName: 'Kon Tum', gender: 'nam', birthYear: 1999, … }
 */
export function parseCccd(input: string): CccdInfo {
  const s = typeof input === 'string' ? input.trim() : '';
  if (!s) throw new CccdError('cccd_empty', 'Chưa nhập số định danh cá nhân (CCCD).');
  if (!/^[0-9]+$/.test(s)) {
    throw new CccdError('cccd_not_digits', `Số CCCD chỉ gồm chữ số, "${s}" có ký tự khác.`, { value: s });
  }
  if (s.length !== 12) {
    throw new CccdError('cccd_length', `Số CCCD phải có đúng 12 chữ số, "${s}" có ${s.length}.`, { value: s });
  }
  const provinceCode = s.slice(0, 3);
  const provinceName = CCCD_PROVINCES[provinceCode];
  if (!provinceName) {
    throw new CccdError('cccd_province', `Mã tỉnh ${provinceCode} ở 3 chữ số đầu của số CCCD không tồn tại.`, {
      value: s,
      provinceCode,
    });
  }
  const digit = Number(s[3]);
  const birthCentury = 1900 + Math.floor(digit / 2) * 100;
  const birthYear2 = Number(s.slice(4, 6));
  return {
    cccd: s,
    provinceCode,
    provinceName,
    gender: digit % 2 === 0 ? 'nam' : 'nu',
    birthCentury,
    birthYear2,
    birthYear: birthCentury + birthYear2,
  };
}

function yearOf(birthDate: string | Date): number | null {
  if (birthDate instanceof Date) return Number.isNaN(birthDate.getTime()) ? null : birthDate.getUTCFullYear();
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(birthDate);
  return m ? Number(m[1]) : null;
}

/**
 * Checks a CCCD number, and when given, that its century/gender digit and birth year agree with the
 * person's birth date (`YYYY-MM-DD` or a Date) and gender.
 * @returns null when valid, else the Vietnamese message of the first problem.
 */
export function validateCccd(input: string, birthDate?: string | Date | null, gender?: 'nam' | 'nu' | 'khac' | null): string | null {
  try {
    assertCccd(input, birthDate, gender);
    return null;
  } catch (e) {
    if (e instanceof CccdError) return e.message;
    throw e;
  }
}

/** Like {@link validateCccd} but throws the {@link CccdError}; returns the parsed number. */
export function assertCccd(input: string, birthDate?: string | Date | null, gender?: 'nam' | 'nu' | 'khac' | null): CccdInfo {
  const info = parseCccd(input);
  if (birthDate !== undefined && birthDate !== null) {
    const year = yearOf(birthDate);
    if (year === null) throw new CccdError('cccd_birth_date', `Ngày sinh không hợp lệ: ${String(birthDate)}.`);
    if (year !== info.birthYear) {
      throw new CccdError(
        'cccd_birth_year_mismatch',
        `Số CCCD ghi năm sinh ${info.birthYear} (chữ số thứ 4 là ${info.cccd[3]}, chữ số 5–6 là ${info.cccd.slice(4, 6)}) nhưng ngày sinh là năm ${year}.`,
        { value: info.cccd, cccdYear: info.birthYear, birthYear: year },
      );
    }
  }
  if ((gender === 'nam' || gender === 'nu') && gender !== info.gender) {
    const label = (g: string) => (g === 'nam' ? 'Nam' : 'Nữ');
    throw new CccdError(
      'cccd_gender_mismatch',
      `Chữ số thứ 4 của số CCCD (${info.cccd[3]}) ứng với giới tính ${label(info.gender)}, không khớp giới tính ${label(gender)} đã khai.`,
      { value: info.cccd },
    );
  }
  return info;
}

/** Groups a CCCD for reading aloud or printing: `062 0 99 000123`. */
export function formatCccd(input: string): string {
  const { cccd } = parseCccd(input);
  return `${cccd.slice(0, 3)} ${cccd[3]} ${cccd.slice(4, 6)} ${cccd.slice(6)}`;
}
