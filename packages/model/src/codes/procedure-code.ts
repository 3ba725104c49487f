/**
 * @module codes/procedure-code — mã TTHC: the national code `d.dddddd` from the national procedure
 * database, localized as `<national>.<agency code of the publishing province>`
 * (`1.001193.000.00.00.H34`), optionally followed by `.NN` for a public-service variant (mã DVC).
 */
import { ModelError } from '../errors.ts';
import { parseAgencyCode } from './agency-code.ts';

export type ProcedureCodeErrorCode = 'procedure_code_empty' | 'procedure_code_format' | 'procedure_code_agency';

export class ProcedureCodeError extends ModelError {
  declare readonly code: ProcedureCodeErrorCode;
  constructor(code: ProcedureCodeErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'ProcedureCodeError';
  }
}

export interface ProcedureCodeParts {
  /** `1.001193`. */
  nationalCode: string;
  /** `000.00.00.H34`, or null for a bare national code. */
  agencyCode: string | null;
  /** The service variant `NN` of a mã DVC, or null. */
  variant: string | null;
}

const NATIONAL = /^\d\.\d{6}$/;
const FULL = /^(\d\.\d{6})(?:\.(.+?))?(?:\.(\d{2}))?$/;

/** Reads a procedure code, or throws {@link ProcedureCodeError}. */
export function parseProcedureCode(input: string): ProcedureCodeParts {
  const s = typeof input === 'string' ? input.trim() : '';
  if (!s) throw new ProcedureCodeError('procedure_code_empty', 'Chưa nhập mã thủ tục hành chính.');
  const m = FULL.exec(s);
  if (!m) {
    throw new ProcedureCodeError(
      'procedure_code_format',
      `Mã thủ tục "${s}" phải bắt đầu bằng mã quốc gia dạng d.dddddd (ví dụ 1.001193), có thể kèm mã cơ quan: 1.001193.000.00.00.H34.`,
      { value: s },
    );
  }
  const [, nationalCode, agencyCode, variant] = m as unknown as [string, string, string | undefined, string | undefined];
  if (agencyCode !== undefined) {
    try {
      parseAgencyCode(agencyCode);
    } catch (e) {
      throw new ProcedureCodeError(
        'procedure_code_agency',
        `Phần mã cơ quan "${agencyCode}" của mã thủ tục "${s}" không hợp lệ: ${(e as Error).message}`,
        { value: s },
      );
    }
  }
  return { nationalCode, agencyCode: agencyCode ?? null, variant: variant ?? null };
}

/**
 * Localizes a national code for a province (`'H34'`) or a full agency code.
 * @example formatProcedureCode('1.001193', 'H34') // '1.001193.000.00.00.H34'
 */
export function formatProcedureCode(nationalCode: string, provinceOrAgency: string): string {
  if (!NATIONAL.test(nationalCode)) {
    throw new ProcedureCodeError('procedure_code_format', `Mã thủ tục quốc gia "${nationalCode}" phải có dạng d.dddddd.`, {
      value: nationalCode,
    });
  }
  const agency = /^[A-Z]\d{2}$/.test(provinceOrAgency) ? `000.00.00.${provinceOrAgency}` : provinceOrAgency;
  const code = `${nationalCode}.${agency}`;
  parseProcedureCode(code);
  return code;
}

/** null when valid, else what is wrong, in Vietnamese. */
export function validateProcedureCode(input: string): string | null {
  try {
    parseProcedureCode(input);
    return null;
  } catch (e) {
    if (e instanceof ProcedureCodeError) return e.message;
    throw e;
  }
}
