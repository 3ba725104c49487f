import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, queryWords } from './search.ts';

describe('foldVietnamese', () => {
  it('strips marks, đ and case', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('ĐẮK LA  Kon   Tum')).toBe('dak la kon tum');
    expect(foldVietnamese('Thừa Thiên Huế, Nghệ An, Quảng Ngãi')).toBe('thua thien hue, nghe an, quang ngai');
    expect(foldVietnamese('ỹ ữ ợ ặ ẫ ờ')).toBe('y u o a a o');
  });

  it('treats composed and decomposed text alike', () => {
    const s = 'Giấy chứng nhận kết hôn';
    expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldVietnamese(foldVietnamese(s)) === foldVietnamese(s)));
  });
});

describe('matchesQuery', () => {
  it('finds procedures typed without diacritics', () => {
    expect(matchesQuery('Đăng ký khai sinh', 'dang ky khai sinh')).toBe(true);
    expect(matchesQuery('Đăng ký khai sinh', 'KHAI SINH')).toBe(true);
    expect(matchesQuery('Đăng ký khai sinh', 'sinh khai')).toBe(true);
    expect(matchesQuery('Cấp bản sao trích lục hộ tịch', 'trich luc')).toBe(true);
  });

  it('needs every word', () => {
    expect(matchesQuery('Đăng ký khai sinh', 'khai tu')).toBe(false);
    expect(matchesQuery('Đăng ký khai tử', 'đăng ký khai sinh')).toBe(false);
  });

  it('matches everything for a blank query', () => {
    expect(matchesQuery('bất kỳ', '   ')).toBe(true);
    expect(queryWords('  ')).toEqual([]);
  });

  it('always finds a text by itself', () => {
    fc.assert(fc.property(fc.string(), (s) => matchesQuery(s, s)));
  });
});
