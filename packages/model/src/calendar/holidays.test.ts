import { describe, expect, it } from 'vitest';
import { CULTURE_DAYS, HOLIDAYS, HOLIDAYS_2025, HOLIDAYS_2026, HOLIDAYS_2027 } from './holidays.ts';
import { isIsoDate, weekdayOf } from './vn-time.ts';

describe('holiday data', () => {
  it('has valid, unique dates in its year', () => {
    for (const [year, list] of [[2025, HOLIDAYS_2025], [2026, HOLIDAYS_2026], [2027, HOLIDAYS_2027]] as const) {
      for (const h of list) {
        expect(isIsoDate(h.date), h.date).toBe(true);
        expect(h.date.startsWith(`${year}-`)).toBe(true);
        expect(h.legalRef.length).toBeGreaterThan(3);
      }
    }
    const dates = [...HOLIDAYS, ...CULTURE_DAYS].map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('puts make-up days on Saturdays and swaps/substitutes on weekdays', () => {
    for (const h of HOLIDAYS) {
      const wd = weekdayOf(h.date);
      if (h.kind === 'makeup_workday') expect(wd, h.date).toBe(6);
      if (h.kind === 'swap_off' || h.kind === 'substitute') expect([1, 2, 3, 4, 5], h.date).toContain(wd);
    }
  });

  it('lists the statutory days of every year', () => {
    for (const y of [2025, 2026, 2027]) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) {
        expect(HOLIDAYS.some((h) => h.date === `${y}-${md}` && h.kind === 'holiday'), `${y}-${md}`).toBe(true);
      }
    }
  });

  it('has the announced Tết 2026: Mon 16/02 to Fri 20/02', () => {
    const tet = HOLIDAYS_2026.filter((h) => h.name.startsWith('Tết Nguyên đán'));
    expect(tet.map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet.every((h) => h.legalRef.includes('9441/TB-BNV'))).toBe(true);
  });

  it('marks unverified and unannounced entries', () => {
    expect(HOLIDAYS_2027.filter((h) => h.legalRef.includes('chưa xác minh')).length).toBeGreaterThan(5);
    expect(HOLIDAYS_2025.find((h) => h.date === '2025-02-08')?.legalRef).toContain('chưa xác minh');
  });
});
