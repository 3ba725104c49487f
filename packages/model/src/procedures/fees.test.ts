import { describe, expect, it } from 'vitest';
import { computeFee, computeFeeLines, feeChannelOf } from './fees.ts';
import { seedProcedures } from './index.ts';

const byCode = new Map(seedProcedures().map((p) => [p.nationalCode, p]));
const p = (code: string) => byCode.get(code)!;

describe('computeFee', () => {
  it('charges per case by channel', () => {
    expect(computeFee(p('1.004222'), { channel: 'direct' })).toBe(20000);
    expect(computeFee(p('1.004222'), { channel: 'online' })).toBe(10000);
    expect(computeFee(p('1.004194'), { channel: 'online' })).toBe(7000);
    expect(computeFee(p('2.000884'), { channel: 'online' })).toBe(10000);
  });

  it('charges per copy', () => {
    expect(computeFee(p('2.000635'), { channel: 'direct', copies: 3 })).toBe(24000);
    expect(computeFee(p('2.000635'), { channel: 'online' })).toBe(8000);
  });

  it('charges certified copies by page with the tiers and cap', () => {
    const c = p('2.000815');
    expect(computeFee(c, { channel: 'direct', pages: 1 })).toBe(2000);
    expect(computeFee(c, { channel: 'direct', pages: 2 })).toBe(4000);
    expect(computeFee(c, { channel: 'direct', pages: 4 })).toBe(6000);
    expect(computeFee(c, { channel: 'direct', copies: 2, pages: 4 })).toBe(12000);
    expect(computeFee(c, { channel: 'direct', pages: 500 })).toBe(200000);
  });

  it('charges nothing for free procedures and lists the lines', () => {
    expect(computeFee(p('1.001193'), { channel: 'online' })).toBe(0);
    expect(computeFeeLines(p('1.004222'), { channel: 'online' })).toEqual([
      { name: 'Lệ phí đăng ký thường trú (nộp trực tuyến)', kind: 'le_phi', amount: 10000 },
    ]);
  });

  it('charges flat page fees without tiers', () => {
    const flat = { nationalCode: '9.999999', fees: [{ name: 'x', kind: 'phi' as const, amount: 500, per: 'page' as const, channel: 'any' as const }] };
    expect(computeFee(flat, { channel: 'direct', pages: 10, copies: 2 })).toBe(10000);
  });

  it('refuses bad counts', () => {
    expect(() => computeFee(p('2.000635'), { channel: 'direct', copies: -1 })).toThrow(/Số bản/);
    expect(() => computeFee(p('2.000815'), { channel: 'direct', pages: 1.5 })).toThrow(/Số trang/);
  });

  it('maps dossier channels', () => {
    expect([1, 2, 3].map((c) => feeChannelOf(c as 1 | 2 | 3))).toEqual(['direct', 'online', 'direct']);
  });
});
