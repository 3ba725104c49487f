import { describe, expect, it } from 'vitest';
import { parseVnDate, formatBytes, formatDate, formatDateTime, formatFee, formatMoney, formatTimeLimit } from './format.ts';

describe('formatters', () => {
  it('shows dates as dd/mm/yyyy in Vietnam time whatever the host zone', () => {
    expect(formatDate('2026-03-05T18:30:00.000Z')).toBe('06/03/2026');
    expect(formatDate('2026-03-05T16:59:00.000Z')).toBe('05/03/2026');
    expect(formatDateTime('2026-03-05T01:02:00.000Z')).toBe('05/03/2026 08:02');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('shows money in đồng with dot grouping', () => {
    expect(formatMoney(8000)).toBe('8.000 đ');
    expect(formatMoney(1200000)).toBe('1.200.000 đ');
    expect(formatMoney(0)).toBe('Miễn phí');
    expect(formatFee({ name: 'Lệ phí', kind: 'le_phi', amount: 2000, per: 'page', channel: 'any' })).toBe('2.000 đ/trang');
  });

  it('shows sizes with a decimal comma', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
  });

  it('names time limits the way officers say them', () => {
    expect(formatTimeLimit({ value: 0, unit: 'same_day' })).toBe('Trong ngày');
    expect(formatTimeLimit({ value: 3, unit: 'working_days' })).toBe('3 ngày làm việc');
  });

  it('reads dates typed as dd/mm/yyyy', () => {
    expect(parseVnDate('12/05/1999')).toBe('1999-05-12');
    expect(parseVnDate('1/2/2001')).toBe('2001-02-01');
    expect(parseVnDate('31/02/2001')).toBeNull();
    expect(parseVnDate('1999-05-12')).toBeNull();
  });
});
