import { describe, expect, it } from 'vitest';
import { formatProcedureCode, parseProcedureCode, ProcedureCodeError, validateProcedureCode } from './procedure-code.ts';

describe('procedure codes', () => {
  it('parses national, localized and service-variant codes', () => {
    expect(parseProcedureCode('1.001193')).toEqual({ nationalCode: '1.001193', agencyCode: null, variant: null });
    expect(parseProcedureCode('1.001193.000.00.00.H34')).toEqual({ nationalCode: '1.001193', agencyCode: '000.00.00.H34', variant: null });
    expect(parseProcedureCode('2.000815.000.00.00.H55.02')).toEqual({ nationalCode: '2.000815', agencyCode: '000.00.00.H55', variant: '02' });
  });

  it('localizes for a province or an agency', () => {
    expect(formatProcedureCode('1.001193', 'H34')).toBe('1.001193.000.00.00.H34');
    expect(formatProcedureCode('1.001193', '001.29.00.H34')).toBe('1.001193.001.29.00.H34');
  });

  it.each([
    ['', 'procedure_code_empty'],
    ['1.00119', 'procedure_code_format'],
    ['A.001193', 'procedure_code_format'],
    ['1.001193.000.00.H34', 'procedure_code_agency'],
    ['1.001193.000.00.00', 'procedure_code_agency'],
  ])('refuses %j (%s)', (input, code) => {
    expect(() => parseProcedureCode(input)).toThrow(ProcedureCodeError);
    expect(() => parseProcedureCode(input)).toThrow(expect.objectContaining({ code }));
    expect(validateProcedureCode(input)).toMatch(/[À-ỹ]/u);
  });

  it('refuses a bad national code when formatting', () => {
    expect(() => formatProcedureCode('1001193', 'H34')).toThrow(/d\.dddddd/);
    expect(() => formatProcedureCode('1.001193', 'h34')).toThrow(ProcedureCodeError);
    expect(validateProcedureCode('1.001193.000.00.00.H34')).toBeNull();
  });
});
