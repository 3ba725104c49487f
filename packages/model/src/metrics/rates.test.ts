import { describe, expect, it } from 'vitest';
import type { Dossier } from '../schemas/dossier.schema.ts';
import { digitizationRate, inPeriod, reuseRate, toRate } from './rates.ts';

type D = Parameters<typeof digitizationRate>[0][number];

function dossier(over: Partial<D> & { files?: number[]; reused?: boolean[]; resultFiles?: number }): D {
  const files = over.files ?? [0];
  return {
    status: 2,
    agencyId: 'A',
    receivedAt: '2026-03-10T03:00:00.000Z',
    submittedAt: '2026-03-10T02:00:00.000Z',
    procedureId: 'paper',
    components: files.map((n, i) => ({ id: `c${i}`, files: n, reused: over.reused?.[i] ?? false, paperReceived: false })),
    resultFiles: over.resultFiles ?? null,
    ...over,
  } as D;
}

const march = { from: new Date('2026-02-28T17:00:00Z'), to: new Date('2026-03-31T17:00:00Z') };
const procedures = [{ id: 'paper', paperResultRequired: true }, { id: 'plain', paperResultRequired: false }];

// The fixture: 8 dossiers; known answers worked out by hand below.
const fixture: D[] = [
  dossier({ files: [1, 0], resultFiles: 1 }), // digitized (files + result), not reused
  dossier({ files: [1], resultFiles: 0, reused: [true] }), // no result file → not digitized; reused
  dossier({ files: [0, 0], resultFiles: 1 }), // no component file → not digitized
  dossier({ procedureId: 'plain', files: [2], reused: [false] }), // digitized (no paper result needed)
  dossier({ procedureId: 'plain', files: [1, 1], reused: [false, true] }), // digitized and reused
  dossier({ receivedAt: null, submittedAt: '2026-03-20T01:00:00Z', status: 1, procedureId: 'plain', files: [1] }), // falls back to submittedAt: digitized
  dossier({ status: 0, receivedAt: null, submittedAt: null, files: [1] }), // draft: never counts
  dossier({ receivedAt: '2026-04-02T01:00:00Z', files: [1], resultFiles: 1, reused: [true] }), // outside the period
  dossier({ agencyId: 'B', files: [1], resultFiles: 1, reused: [true] }), // other agency
];

describe('digitization and reuse rates (domain §8 items 5, 6)', () => {
  it('computes the digitization rate on the fixture', () => {
    expect(digitizationRate(fixture, procedures, march, ['A'])).toEqual({ numerator: 4, denominator: 6, percent: 66.67 });
    expect(digitizationRate(fixture, procedures, march)).toEqual({ numerator: 5, denominator: 7, percent: 71.43 });
  });

  it('computes the reuse rate on the fixture', () => {
    expect(reuseRate(fixture, march, ['A'])).toEqual({ numerator: 2, denominator: 6, percent: 33.33 });
    expect(reuseRate(fixture, march, ['B'])).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it('gives N/A for an empty period', () => {
    const empty = { from: new Date('2020-01-01'), to: new Date('2020-02-01') };
    expect(reuseRate(fixture, empty).percent).toBeNull();
    expect(toRate(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it('selects by reception time with the submission time as fallback, half-open', () => {
    const at = (receivedAt: string | null, submittedAt: string | null) => ({ status: 2, receivedAt, submittedAt }) as Pick<Dossier, 'status' | 'receivedAt' | 'submittedAt'>;
    expect(inPeriod(at('2026-02-28T17:00:00Z', null), march)).toBe(true);
    expect(inPeriod(at('2026-03-31T17:00:00Z', null), march)).toBe(false);
    expect(inPeriod(at(null, '2026-03-05T00:00:00Z'), march)).toBe(true);
  });
});
