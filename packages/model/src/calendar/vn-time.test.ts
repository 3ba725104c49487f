import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addVnDays, fromVnClock, isIsoDate, toVnClock, weekdayOf } from './vn-time.ts';

describe('Vietnam clock', () => {
  it('is UTC+7', () => {
    expect(toVnClock(new Date('2026-02-16T17:30:00Z'))).toEqual({ date: '2026-02-17', minute: 30, weekday: 2 });
    expect(fromVnClock('2026-02-17', 30).toISOString()).toBe('2026-02-16T17:30:00.000Z');
  });

  it('round-trips any instant to the millisecond', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
      const { date, minute } = toVnClock(new Date(t));
      expect(fromVnClock(date, minute).getTime()).toBe(t);
    }));
  });

  it('adds days across months and years', () => {
    expect(addVnDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addVnDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addVnDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('knows weekdays and real dates', () => {
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});
