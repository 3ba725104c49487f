import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined, a: 'x' }], a: true })).toBe('{"a":true,"b":[{"a":"x","d":1}]}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
  });

  it('writes Vietnamese text as is', () => {
    expect(canonicalJson({ ten: 'Đăng ký khai sinh' })).toBe('{"ten":"Đăng ký khai sinh"}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(/không hợp lệ/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/không lưu được/);
  });

  it('parses back to the same value and ignores key order', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = canonicalJson(v);
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }));
  });
});
