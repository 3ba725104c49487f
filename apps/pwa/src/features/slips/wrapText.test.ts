import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText.ts';

const measure = (s: string) => s.length;

describe('wrapText', () => {
  it('breaks between words', () => {
    expect(wrapText('Tiếp nhận hồ sơ của ông', 10, measure)).toEqual(['Tiếp nhận', 'hồ sơ của', 'ông']);
  });
  it('keeps explicit line breaks and cuts a word too long for a line', () => {
    expect(wrapText('a\nH34.29.2-260302-0001', 8, measure)).toEqual(['a', 'H34.29.2', '-260302-', '0001']);
  });
  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10, measure)).toEqual(['']);
  });
});
