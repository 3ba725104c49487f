/**
 * @module codes/agency-code — mã định danh cơ quan `V1V2V3.Z1Z2.Y1Y2.<L1>` (QCVN 102:2016,
 * QĐ 20/2020/QĐ-TTg): level 4 (3 characters), level 3 (2), level 2 (2), then the level-1 code,
 * `H` + 2 digits for a province's People's Committee. `000.00.00.H34` = UBND tỉnh Kon Tum.
 */
import { ModelError } from '../errors.ts';

export type AgencyCodeErrorCode = 'agency_code_empty' | 'agency_code_format' | 'agency_code_part';

export class AgencyCodeError extends ModelError {
  declare readonly code: AgencyCodeErrorCode;
  constructor(code: AgencyCodeErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'AgencyCodeError';
  }
}

export interface AgencyCodeParts {
  level4: string;
  level3: string;
  level2: string;
  /** The level-1 code, e.g. `H34`. */
  level1: string;
}

const PARTS: readonly { key: keyof AgencyCodeParts; re: RegExp; label: string; shape: string }[] = [
  { key: 'level4', re: /^[0-9A-Z]{3}$/, label: 'cấp 4', shape: '3 chữ số hoặc chữ in hoa' },
  { key: 'level3', re: /^[0-9A-Z]{2}$/, label: 'cấp 3', shape: '2 chữ số hoặc chữ in hoa' },
  { key: 'level2', re: /^[0-9A-Z]{2}$/, label: 'cấp 2', shape: '2 chữ số hoặc chữ in hoa' },
  { key: 'level1', re: /^[A-Z][0-9]{2}$/, label: 'cấp 1', shape: '1 chữ in hoa và 2 chữ số, ví dụ H34' },
];

/** Reads an agency code, or throws {@link AgencyCodeError} saying which part is wrong. */
export function parseAgencyCode(input: string): AgencyCodeParts {
  const s = typeof input === 'string' ? input.trim() : '';
  if (!s) throw new AgencyCodeError('agency_code_empty', 'Chưa nhập mã định danh cơ quan.');
  const pieces = s.split('.');
  if (pieces.length !== 4) {
    throw new AgencyCodeError(
      'agency_code_format',
      `Mã định danh cơ quan "${s}" phải gồm 4 phần nối bằng dấu chấm, ví dụ 000.00.00.H34.`,
      { value: s },
    );
  }
  const parts = {} as AgencyCodeParts;
  PARTS.forEach(({ key, re, label, shape }, i) => {
    const piece = pieces[i]!;
    if (!re.test(piece)) {
      throw new AgencyCodeError('agency_code_part', `Phần ${label} "${piece}" của mã "${s}" phải là ${shape}.`, { value: s, part: key });
    }
    parts[key] = piece;
  });
  return parts;
}

/** Writes an agency code from its parts (each part is checked). */
export function formatAgencyCode(parts: AgencyCodeParts): string {
  const code = `${parts.level4}.${parts.level3}.${parts.level2}.${parts.level1}`;
  parseAgencyCode(code);
  return code;
}

/** null when valid, else what is wrong, in Vietnamese. */
export function validateAgencyCode(input: string): string | null {
  try {
    parseAgencyCode(input);
    return null;
  } catch (e) {
    if (e instanceof AgencyCodeError) return e.message;
    throw e;
  }
}

/** The code of a province's People's Committee: `provinceAgencyCode('H34')` → `000.00.00.H34`. */
export function provinceAgencyCode(level1: string): string {
  return formatAgencyCode({ level4: '000', level3: '00', level2: '00', level1 });
}
