import { describe, expect, it } from 'vitest';
import { AgencyCodeError, formatAgencyCode, parseAgencyCode, provinceAgencyCode, validateAgencyCode } from './agency-code.ts';

describe('agency codes', () => {
  it('parses the four levels', () => {
    expect(parseAgencyCode('001.29.00.H34')).toEqual({ level4: '001', level3: '29', level2: '00', level1: 'H34' });
    expect(parseAgencyCode('000.00.00.G00').level1).toBe('G00');
  });

  it('formats and round-trips', () => {
    expect(formatAgencyCode({ level4: 'A01', level3: '29', level2: '00', level1: 'H34' })).toBe('A01.29.00.H34');
    expect(provinceAgencyCode('H34')).toBe('000.00.00.H34');
  });

  it.each([
    ['', 'agency_code_empty', /Chưa nhập/],
    ['000.00.H34', 'agency_code_format', /4 phần/],
    ['00.00.00.H34', 'agency_code_part', /cấp 4 "00"/],
    ['000.0.00.H34', 'agency_code_part', /cấp 3/],
    ['000.00.0a.H34', 'agency_code_part', /cấp 2/],
    ['000.00.00.34H', 'agency_code_part', /cấp 1 "34H".*H34/],
  ])('refuses %j', (input, code, message) => {
    expect(() => parseAgencyCode(input)).toThrow(AgencyCodeError);
    expect(() => parseAgencyCode(input)).toThrow(expect.objectContaining({ code }));
    expect(validateAgencyCode(input)).toMatch(message);
  });

  it('validate returns null when valid', () => {
    expect(validateAgencyCode('002.29.00.H34')).toBeNull();
    expect(() => provinceAgencyCode('h34')).toThrow(AgencyCodeError);
  });
});
