import { describe, expect, it } from 'vitest';
import { addLease, issueCode, leaseDays, needsRefill, provisionalCode, remainingFor, type CodeLease } from './code-lease.ts';

const now = new Date('2026-01-05T02:00:00Z'); // Monday 09:00 in Vietnam
const lease = (from: number, to: number, date = '2026-01-05'): CodeLease => ({
  agencyId: '001.29.00.H34',
  prefix: 'H34.29.2',
  ranges: [{ date, from, to }],
});

describe('code leases', () => {
  it('covers today and the next working days (Saturday morning desk, no Sunday)', () => {
    expect(leaseDays(new Date('2026-01-09T02:00:00Z'), 3)).toEqual(['2026-01-09', '2026-01-10', '2026-01-12']);
  });

  it('issues the leased numbers in order, then provisional codes', () => {
    let state = addLease(null, lease(21, 22), now);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const issued = issueCode(state, now, 'ab-12cd34ef');
      state = issued.state;
      codes.push(issued.kind === 'leased' ? issued.code : issued.provisionalCode);
    }
    expect(codes).toEqual(['H34.29.2-260105-0021', 'H34.29.2-260105-0022', 'TAM-AB12CD34-1']);
    expect(remainingFor(state, now)).toBe(0);
  });

  it('uses only the range of the day of reception', () => {
    const state = addLease(null, lease(1, 5, '2026-01-06'), now);
    expect(issueCode(state, now, 'd').kind).toBe('provisional');
    expect(issueCode(state, new Date('2026-01-06T01:00:00Z'), 'd')).toMatchObject({ code: 'H34.29.2-260106-0001' });
  });

  it('asks for a refill when few numbers are left or tomorrow is not covered', () => {
    expect(needsRefill(null, now)).toBe(true);
    const both = addLease(addLease(null, lease(1, 10), now), lease(1, 10, '2026-01-06'), now);
    expect(needsRefill(both, now)).toBe(false);
    expect(needsRefill(addLease(null, lease(1, 10), now), now)).toBe(true);
    expect(needsRefill(both, now, 11)).toBe(true);
  });

  it('drops ranges of past days and replaces the state of another agency', () => {
    const old = addLease(null, lease(1, 3, '2026-01-02'), new Date('2026-01-02T02:00:00Z'));
    expect(addLease(old, lease(4, 6), now).ranges.map((r) => r.date)).toEqual(['2026-01-05']);
    const moved = addLease(old, { ...lease(1, 2), agencyId: '002.29.00.H34', prefix: 'H34.29.3' }, now);
    expect(moved.prefix).toBe('H34.29.3');
  });

  it('two devices with disjoint leases never issue the same code', () => {
    let a = addLease(null, lease(1, 50), now);
    let b = addLease(null, lease(51, 100), now);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const x = issueCode(a, now, 'deviceA');
      const y = issueCode(b, now, 'deviceB');
      a = x.state;
      b = y.state;
      for (const c of [x.kind === 'leased' ? x.code : x.provisionalCode, y.kind === 'leased' ? y.code : y.provisionalCode]) {
        expect(seen.has(c)).toBe(false);
        seen.add(c);
      }
    }
    expect(provisionalCode('', 2)).toBe('TAM-MAY-2');
  });
});
