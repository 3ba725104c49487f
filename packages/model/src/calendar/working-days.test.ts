import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays, addWorkingHours, computeDueDate, createCalendar, extendDueDate, isWorkingDay, nextWorkingDay, VN_CALENDAR,
  workingMinutesBetween,
} from './working-days.ts';

/** A Vietnam wall-clock time: vn('2026-02-13 09:00'). */
const vn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const iso = (s: string): string => vn(s).toISOString();

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true], // Fri before Tết
    ['2026-02-14', false], // Sat
    ['2026-02-16', false], ['2026-02-17', false], ['2026-02-18', false], ['2026-02-19', false], ['2026-02-20', false], // Tết
    ['2026-02-23', true], // back to work
    ['2026-01-02', false], // swapped off
    ['2026-01-10', true], // make-up Saturday
    ['2026-04-27', false], // nghỉ bù Giỗ Tổ (on a Sunday)
    ['2025-02-08', true], // make-up Saturday 2025
    ['2025-01-27', false],
    ['2027-05-03', false], // nghỉ bù 1/5 (Saturday)
    ['2028-03-01', true], // outside the data: weekdays only
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('reads a Date in Vietnam time', () => {
    // 17:30 UTC Friday = 00:30 Saturday in Vietnam.
    expect(isWorkingDay(new Date('2026-03-06T17:30:00Z'))).toBe(false);
  });

  it('finds the next working day across Tết', () => {
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-23');
  });

  it('adds 24/11 only when asked', () => {
    expect(isWorkingDay('2026-11-24')).toBe(true);
    expect(isWorkingDay('2026-11-24', createCalendar({ cultureDay: true }))).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('jumps over Tết 2026', () => {
    expect(addWorkingDays(vn('2026-02-13 09:00'), 1).toISOString()).toBe(iso('2026-02-23 09:00'));
    expect(addWorkingDays(vn('2026-02-12 14:00'), 3).toISOString()).toBe(iso('2026-02-24 14:00'));
  });

  it('skips weekends', () => {
    expect(addWorkingDays(vn('2026-03-06 10:00'), 1).toISOString()).toBe(iso('2026-03-09 10:00'));
    expect(addWorkingDays(vn('2026-03-06 10:00'), 5).toISOString()).toBe(iso('2026-03-13 10:00'));
  });

  it('counts a make-up Saturday and skips a swapped-off day', () => {
    expect(addWorkingDays(vn('2026-01-08 10:00'), 2).toISOString()).toBe(iso('2026-01-10 10:00'));
    expect(addWorkingDays(vn('2025-12-31 10:00'), 1).toISOString()).toBe(iso('2026-01-05 10:00'));
  });

  it('skips a substitute day and the 30/4–1/5 block', () => {
    expect(addWorkingDays(vn('2026-04-24 10:00'), 3).toISOString()).toBe(iso('2026-05-04 10:00'));
  });

  it('ends at closing time rather than the next opening', () => {
    expect(addWorkingDays(vn('2026-03-02 07:30'), 1).toISOString()).toBe(iso('2026-03-02 17:00'));
    expect(addWorkingDays(vn('2026-03-02 18:00'), 1).toISOString()).toBe(iso('2026-03-03 17:00'));
    expect(addWorkingDays(vn('2026-03-02 06:00'), 2).toISOString()).toBe(iso('2026-03-03 17:00'));
  });

  it('starts after lunch when received at noon', () => {
    expect(addWorkingDays(vn('2026-03-02 12:00'), 1).toISOString()).toBe(iso('2026-03-03 11:30'));
  });

  it('returns the start for 0 and refuses negatives', () => {
    expect(addWorkingDays(vn('2026-03-02 10:00'), 0).toISOString()).toBe(iso('2026-03-02 10:00'));
    expect(() => addWorkingDays(vn('2026-03-02 10:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it('counts clock hours inside working periods and 8 hours as a day', () => {
    expect(addWorkingHours(vn('2026-03-02 14:00'), 4).toISOString()).toBe(iso('2026-03-03 08:30'));
    expect(addWorkingHours(vn('2026-03-02 14:00'), 8).toISOString()).toBe(iso('2026-03-03 14:00'));
    expect(addWorkingHours(vn('2026-03-02 14:00'), 12).toISOString()).toBe(iso('2026-03-04 08:30'));
    expect(addWorkingHours(vn('2026-03-02 10:00'), 2).toISOString()).toBe(iso('2026-03-02 14:00'));
  });
});

describe('computeDueDate', () => {
  const sameDay = { value: 1, unit: 'same_day' } as const;

  it('applies the 15:00 rule to same-day procedures', () => {
    expect(computeDueDate(vn('2026-03-02 14:59'), sameDay).toISOString()).toBe(iso('2026-03-02 17:00'));
    expect(computeDueDate(vn('2026-03-02 15:00'), sameDay).toISOString()).toBe(iso('2026-03-02 17:00'));
    expect(computeDueDate(vn('2026-03-02 15:01'), sameDay).toISOString()).toBe(iso('2026-03-03 17:00'));
    expect(computeDueDate(vn('2026-03-02 06:45'), sameDay).toISOString()).toBe(iso('2026-03-02 17:00'));
  });

  it('moves a late same-day dossier past the weekend and Tết', () => {
    expect(computeDueDate(vn('2026-03-06 16:00'), sameDay).toISOString()).toBe(iso('2026-03-09 17:00'));
    expect(computeDueDate(vn('2026-02-13 16:00'), sameDay).toISOString()).toBe(iso('2026-02-23 17:00'));
  });

  it('treats a dossier received on a day off as received the next working day', () => {
    expect(computeDueDate(vn('2026-03-08 10:00'), sameDay).toISOString()).toBe(iso('2026-03-09 17:00'));
    expect(computeDueDate(vn('2026-01-10 09:00'), sameDay).toISOString()).toBe(iso('2026-01-10 17:00'));
  });

  it('counts working days and hours', () => {
    expect(computeDueDate(vn('2026-02-12 14:00'), { value: 3, unit: 'working_days' }).toISOString()).toBe(iso('2026-02-24 14:00'));
    expect(computeDueDate(vn('2026-03-02 14:00'), { value: 4, unit: 'hours' }).toISOString()).toBe(iso('2026-03-03 08:30'));
    expect(computeDueDate(vn('2026-03-02 14:00'), { value: 0, unit: 'working_days' }).toISOString()).toBe(iso('2026-03-02 17:00'));
  });
});

describe('Vietnam time whatever the host zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/New_York', 'Asia/Tokyo', 'UTC', 'Pacific/Kiritimati'])('gives the same answers in %s', (tz) => {
    process.env.TZ = tz;
    expect(addWorkingDays(vn('2026-02-13 09:00'), 1).toISOString()).toBe(iso('2026-02-23 09:00'));
    expect(computeDueDate(vn('2026-03-02 15:01'), { value: 1, unit: 'same_day' }).toISOString()).toBe(iso('2026-03-03 17:00'));
    expect(isWorkingDay(vn('2026-03-07 00:30'))).toBe(false);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working periods on working days', () => {
    expect(workingMinutesBetween(vn('2026-03-02 07:30'), vn('2026-03-02 17:00'))).toBe(450);
    expect(workingMinutesBetween(vn('2026-03-02 11:00'), vn('2026-03-02 14:00'))).toBe(60);
    expect(workingMinutesBetween(vn('2026-02-13 17:00'), vn('2026-02-23 07:30'))).toBe(0);
    expect(workingMinutesBetween(vn('2026-03-03 10:00'), vn('2026-03-02 10:00'))).toBe(-450);
  });

  it('agrees with addWorkingDays', () => {
    const start = vn('2026-02-10 10:17');
    expect(workingMinutesBetween(start, addWorkingDays(start, 7))).toBe(7 * 450);
  });
});

describe('createCalendar', () => {
  it('refuses overlapping or reversed periods', () => {
    expect(() => createCalendar({ periods: [[600, 500]] })).toThrow(RangeError);
    expect(() => createCalendar({ periods: [[450, 700], [690, 1000]] })).toThrow(RangeError);
    expect(() => createCalendar({ periods: [] })).toThrow(RangeError);
  });

  it('accepts other hours and cut-off', () => {
    const cal = createCalendar({ periods: [[480, 720], [780, 1020]], sameDayCutoff: 16 * 60 });
    expect(computeDueDate(vn('2026-03-02 15:30'), { value: 1, unit: 'same_day' }, cal).toISOString()).toBe(iso('2026-03-02 17:00'));
    expect(VN_CALENDAR.sameDayCutoff).toBe(900);
  });
});

describe('extendDueDate', () => {
  it('adds the working time spent waiting for a supplement', () => {
    // Waited Mon 10:00 → Wed 10:00 (2 working days): due Thu 10:00 becomes Mon 10:00.
    expect(extendDueDate(vn('2026-03-05 10:00'), vn('2026-03-02 10:00'), vn('2026-03-04 10:00')).toISOString())
      .toBe(iso('2026-03-09 10:00'));
    expect(extendDueDate(vn('2026-03-05 10:00'), vn('2026-03-07 10:00'), vn('2026-03-08 10:00')).toISOString())
      .toBe(iso('2026-03-05 10:00'));
  });
});
