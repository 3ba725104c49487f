import { describe, expect, it } from 'vitest';
import { DossierCodeError, formatDossierCode, parseDossierCode, validateDossierCode } from './dossier-code.ts';

describe('formatDossierCode', () => {
  it('writes prefix-YYMMDD-XXXX', () => {
    expect(formatDossierCode({ prefix: 'H34.29.2', date: new Date('2023-05-20T03:00:00Z'), seq: 1 })).toBe('H34.29.2-230520-0001');
    expect(formatDossierCode({ prefix: '000.00.00.H34', date: new Date('2026-01-05T00:00:00Z'), seq: 9999 }))
      .toBe('000.00.00.H34-260105-9999');
  });

  it('uses the Vietnam date, not the host date', () => {
    // 18:30 UTC on 19/05 is 01:30 on 20/05 in Vietnam.
    expect(formatDossierCode({ prefix: 'H34.8', date: new Date('2023-05-19T18:30:00Z'), seq: 12 })).toBe('H34.8-230520-0012');
    expect(formatDossierCode({ prefix: 'H34.8', date: new Date('2023-05-19T16:59:59Z'), seq: 12 })).toBe('H34.8-230519-0012');
  });

  it('refuses a bad prefix, sequence or date', () => {
    const date = new Date('2023-05-20T03:00:00Z');
    expect(() => formatDossierCode({ prefix: 'h34', date, seq: 1 })).toThrow(/mã cơ quan/);
    expect(() => formatDossierCode({ prefix: 'H34.29.2.1.5', date, seq: 1 })).toThrow(DossierCodeError);
    expect(() => formatDossierCode({ prefix: 'H34', date, seq: 0 })).toThrow(/từ 1 đến 9999/);
    expect(() => formatDossierCode({ prefix: 'H34', date, seq: 10000 })).toThrow(/từ 1 đến 9999/);
    expect(() => formatDossierCode({ prefix: 'H34', date: new Date('x'), seq: 1 })).toThrow(/Ngày tiếp nhận/);
  });
});

describe('parseDossierCode', () => {
  it('reads both the full and the short form', () => {
    expect(parseDossierCode('H34.29.2-230520-0001')).toEqual({ prefix: 'H34.29.2', date: '2023-05-20', seq: 1 });
    expect(parseDossierCode('000.00.00.H34-230520-0042')).toEqual({ prefix: '000.00.00.H34', date: '2023-05-20', seq: 42 });
  });

  it('round-trips', () => {
    const code = formatDossierCode({ prefix: 'H34.29.3', date: new Date('2026-02-27T02:00:00Z'), seq: 77 });
    expect(parseDossierCode(code)).toEqual({ prefix: 'H34.29.3', date: '2026-02-27', seq: 77 });
  });

  it.each([
    ['', 'dossier_code_empty'],
    ['H34.29.2-2305200001', 'dossier_code_format'],
    ['H34.29.2-230520-001', 'dossier_code_format'],
    ['h34.29.2-230520-0001', 'dossier_code_prefix'],
    ['H34.29.2-230230-0001', 'dossier_code_date'],
    ['H34.29.2-231301-0001', 'dossier_code_date'],
    ['H34.29.2-230520-0000', 'dossier_code_seq'],
  ])('refuses %j (%s)', (input, code) => {
    expect(() => parseDossierCode(input)).toThrow(expect.objectContaining({ code }));
    expect(validateDossierCode(input)).toMatch(/[À-ỹ]/u);
  });

  it('validateDossierCode returns null when valid', () => {
    expect(validateDossierCode('H34.29.2-230520-0001')).toBeNull();
  });
});
