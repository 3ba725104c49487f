import { describe, expect, it } from 'vitest';
import { assertCccd, CccdError, formatCccd, parseCccd, validateCccd } from './cccd.ts';
import { CCCD_PROVINCES } from './provinces.ts';

describe('parseCccd', () => {
  it('reads province, gender and birth year', () => {
    expect(parseCccd('062099000123')).toEqual({
      cccd: '062099000123', provinceCode: '062', provinceName: 'Kon Tum', gender: 'nam',
      birthCentury: 1900, birthYear2: 99, birthYear: 1999,
    });
    expect(parseCccd(' 062301000456 ')).toMatchObject({ gender: 'nu', birthCentury: 2000, birthYear: 2001 });
    expect(parseCccd('087084000999')).toMatchObject({ provinceName: 'Đồng Tháp', gender: 'nam', birthYear: 1984 });
  });

  it.each([
    ['0', 1900, 'nam'], ['1', 1900, 'nu'], ['2', 2000, 'nam'], ['3', 2000, 'nu'], ['4', 2100, 'nam'],
    ['5', 2100, 'nu'], ['6', 2200, 'nam'], ['7', 2200, 'nu'], ['8', 2300, 'nam'], ['9', 2300, 'nu'],
  ])('century/gender digit %s → %i, %s', (digit, century, gender) => {
    expect(parseCccd(`001${digit}05123456`)).toMatchObject({ birthCentury: century, gender, birthYear: century + 5 });
  });

  it('knows the 63 province codes of TT 07/2016', () => {
    expect(Object.keys(CCCD_PROVINCES)).toHaveLength(63);
    for (const code of Object.keys(CCCD_PROVINCES)) expect(parseCccd(`${code}099000001`).provinceCode).toBe(code);
  });

  it.each([
    ['', 'cccd_empty', /Chưa nhập/],
    ['06209900012a', 'cccd_not_digits', /chỉ gồm chữ số/],
    ['062 099 000 123', 'cccd_not_digits', /chỉ gồm chữ số/],
    ['06209900012', 'cccd_length', /đúng 12 chữ số.*có 11/],
    ['0620990001234', 'cccd_length', /có 13/],
    ['003099000123', 'cccd_province', /Mã tỉnh 003/],
    ['097099000123', 'cccd_province', /Mã tỉnh 097/],
    ['100099000123', 'cccd_province', /Mã tỉnh 100/],
  ])('refuses %j with %s', (input, code, message) => {
    try {
      parseCccd(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CccdError);
      expect((e as CccdError).code).toBe(code);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('validateCccd', () => {
  it('accepts a number consistent with the birth date and gender', () => {
    expect(validateCccd('062099000123')).toBeNull();
    expect(validateCccd('062099000123', '1999-05-12', 'nam')).toBeNull();
    expect(validateCccd('062301000456', new Date('2001-08-20'), 'nu')).toBeNull();
    expect(validateCccd('062301000456', null, 'khac')).toBeNull();
  });

  it('says when the century digit and birth year disagree', () => {
    expect(validateCccd('062099000123', '2099-05-12')).toMatch(/năm sinh 1999.*năm 2099/);
    expect(validateCccd('062299000123', '1999-05-12')).toMatch(/năm sinh 2099/);
    expect(validateCccd('062098000123', '1999-05-12')).toMatch(/năm sinh 1998/);
  });

  it('says when the gender digit disagrees', () => {
    expect(validateCccd('062099000123', '1999-05-12', 'nu')).toMatch(/giới tính Nam.*Nữ/);
  });

  it('says when the birth date is unreadable', () => {
    expect(validateCccd('062099000123', '12/05/1999')).toMatch(/Ngày sinh không hợp lệ/);
  });

  it('assertCccd throws the typed error', () => {
    expect(() => assertCccd('062099000123', '2000-01-01')).toThrow(CccdError);
    expect(assertCccd('062099000123').birthYear).toBe(1999);
  });

  it('formats for reading', () => {
    expect(formatCccd('062099000123')).toBe('062 0 99 000123');
  });
});
