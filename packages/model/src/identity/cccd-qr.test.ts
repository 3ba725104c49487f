import { describe, expect, it } from 'vitest';
import { CccdQrError, formatCccdQr, parseCccdQr, qrDateToIso } from './cccd-qr.ts';

const SAMPLE = '001090123456|012345678|NGUYEN VAN A|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021';

function codeOf(text: string): string {
  try {
    parseCccdQr(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CccdQrError);
    return (e as CccdQrError).code;
  }
  throw new Error('expected a CccdQrError');
}

describe('parseCccdQr', () => {
  it('reads the seven fields of the published example', () => {
    expect(parseCccdQr(SAMPLE)).toEqual({
      cccd: '001090123456',
      oldIdNumber: '012345678',
      fullName: 'NGUYEN VAN A',
      birthDate: '1990-01-01',
      gender: 'nam',
      address: 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      issueDate: '2021-04-15',
      extra: [],
    });
  });

  it('accepts an empty CMND field', () => {
    const d = parseCccdQr('062301000456||Trần Thị Bình|20082001|Nữ|Thôn 1, xã Đắk La, tỉnh Kon Tum|10052022');
    expect(d.oldIdNumber).toBeNull();
    expect(d.gender).toBe('nu');
    expect(d.fullName).toBe('Trần Thị Bình');
  });

  it('ignores extra fields and keeps them aside', () => {
    const d = parseCccdQr(`${SAMPLE}|01012035|whatever`);
    expect(d.extra).toEqual(['01012035', 'whatever']);
    expect(d.issueDate).toBe('2021-04-15');
  });

  it('normalizes decomposed diacritics to NFC', () => {
    const nfd = '062099000123||Nguyễn Văn An|12051999|Nam|Đắk La, Kon Tum|01022021'.normalize('NFD');
    const d = parseCccdQr(nfd);
    expect(d.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(d.fullName).toHaveLength('Nguyễn Văn An'.normalize('NFC').length);
    expect(d.address).toBe('Đắk La, Kon Tum');
    expect(parseCccdQr('062301000456||B|20082001|N\u0075\u031B\u0303|x|10052022').gender).toBe('nu');
  });

  it('trims whitespace, a BOM and a trailing newline; collapses inner spaces', () => {
    const d = parseCccdQr(`\uFEFF ${SAMPLE.replace('NGUYEN VAN A', 'NGUYEN  VAN   A ')}\r\n`);
    expect(d.fullName).toBe('NGUYEN VAN A');
    expect(d.cccd).toBe('001090123456');
  });

  it('accepts an empty issue date and "nu" without diacritics', () => {
    const d = parseCccdQr('062301000456||B|20082001|nu|x|');
    expect(d.issueDate).toBeNull();
    expect(d.gender).toBe('nu');
  });

  it('keeps commas in the address', () => {
    expect(parseCccdQr(SAMPLE).address.split(',')).toHaveLength(3);
  });

  it.each([
    ['', 'qr_empty'],
    ['   \n', 'qr_empty'],
    ['001090123456|NGUYEN VAN A|01011990|Nam|Phường Bến Nghé|15042021', 'qr_fields'],
    ['https://example.com', 'qr_fields'],
    [SAMPLE.replace('001090123456', '00109012345'), 'qr_cccd'],
    [SAMPLE.replace('001090123456', '00109012345a'), 'qr_cccd'],
    [SAMPLE.replace('012345678', '01234567'), 'qr_cmnd'],
    [SAMPLE.replace('NGUYEN VAN A', ' '), 'qr_name'],
    [SAMPLE.replace('01011990', '31021990'), 'qr_birth_date'],
    [SAMPLE.replace('01011990', '1990-01-01'), 'qr_birth_date'],
    [SAMPLE.replace('|Nam|', '|M|'), 'qr_gender'],
    [SAMPLE.replace('15042021', '15132021'), 'qr_issue_date'],
  ])('refuses %j with %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('says in Vietnamese what is wrong', () => {
    expect(() => parseCccdQr(SAMPLE.replace('001090123456', '123'))).toThrow(/12 chữ số/);
  });
});

describe('qrDateToIso', () => {
  it.each([
    ['29022000', '2000-02-29'],
    ['29021900', null],
    ['00012020', null],
    ['01011899', null],
    ['1012020', null],
  ])('%s → %s', (text, iso) => expect(qrDateToIso(text)).toBe(iso));
});

describe('formatCccdQr', () => {
  it('round-trips through parseCccdQr', () => {
    const d = parseCccdQr(SAMPLE);
    expect(formatCccdQr(d)).toBe(SAMPLE);
    const e = { ...d, oldIdNumber: null, issueDate: null, extra: ['x'] };
    expect(parseCccdQr(formatCccdQr(e))).toEqual(e);
  });
});
