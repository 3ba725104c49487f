import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseProcedureCode } from '../codes/procedure-code.ts';
import { procedureSchema } from '../schemas/procedure.schema.ts';
import { seedProcedures, SEED_VERSION } from './index.ts';

const ajv = new Ajv({ allErrors: true });
ajv.addVocabulary(['version', 'primaryKey', 'indexes']);
const validate = ajv.compile(procedureSchema);

/** The commune procedures of domain.md §6. */
const DOMAIN_CODES = [
  '1.001193', '1.000894', '1.000656', '1.004873', '2.000635', '1.004859', '1.004884', '1.001022',
  '2.000815', '2.000884', '1.004222', '1.004194', '1.002192', '2.001088', '1.010941', '1.011607',
];

describe('seedProcedures', () => {
  const seed = seedProcedures();

  it('holds every procedure of domain.md §6', () => {
    expect(seed.length).toBeGreaterThanOrEqual(14);
    expect(seed.map((p) => p.nationalCode).sort()).toEqual([...DOMAIN_CODES].sort());
  });

  it('validates against the procedure schema', () => {
    for (const p of seed) {
      const ok = validate(p);
      expect(ok, `${p.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('localizes ids for the province', () => {
    expect(seed[0]!.id).toBe('1.001193.000.00.00.H34');
    for (const p of seed) expect(parseProcedureCode(p.id)).toMatchObject({ nationalCode: p.nationalCode, agencyCode: '000.00.00.H34' });
    expect(seedProcedures('H55')[0]!.id).toBe('1.001193.000.00.00.H55');
    expect(new Set(seed.map((p) => p.id)).size).toBe(seed.length);
  });

  it('is versioned configuration', () => {
    for (const p of seed) {
      expect(p.version).toBe(SEED_VERSION);
      expect(p.effectiveFrom).toBe('2025-07-01');
      expect(p.legalBasis.length).toBeGreaterThan(10);
    }
  });

  it('gives every procedure components with document types and a four-step workflow', () => {
    for (const p of seed) {
      expect(p.components.length).toBeGreaterThan(0);
      expect(new Set(p.components.map((c) => c.id)).size).toBe(p.components.length);
      expect(p.workflow.map((s) => s.role)).toEqual(['receptionist', 'specialist', 'leader', 'receptionist']);
      const hours = p.workflow.reduce((s, w) => s + w.hours, 0);
      const limit = p.timeLimit.unit === 'same_day' ? 8 : p.timeLimit.value * (p.timeLimit.unit === 'hours' ? 1 : 8);
      expect(hours).toBeCloseTo(limit, 5);
    }
    const khaiSinh = seed.find((p) => p.nationalCode === '1.001193')!;
    expect(khaiSinh.components.flatMap((c) => c.documentTypes)).toEqual(
      expect.arrayContaining(['to-khai-khai-sinh', 'giay-chung-sinh', 'cccd']),
    );
    expect(khaiSinh.timeLimit).toEqual({ value: 1, unit: 'same_day' });
  });

  it('uses the levels and fees of domain.md', () => {
    const byCode = new Map(seed.map((p) => [p.nationalCode, p]));
    expect(byCode.get('1.004222')!.fees.map((f) => [f.amount, f.channel])).toEqual([[20000, 'direct'], [10000, 'online']]);
    expect(byCode.get('2.000815')!.fees[0]).toMatchObject({ amount: 2000, per: 'page' });
    expect(byCode.get('2.000635')!.fees[0]).toMatchObject({ amount: 8000, per: 'copy' });
    expect(byCode.get('1.000894')!.level).toBe('mot_phan');
    expect(new Set(seed.map((p) => p.level))).toEqual(new Set(['toan_trinh', 'mot_phan']));
  });

  it('marks default values that still need checking', () => {
    expect(seed.filter((p) => p.legalBasis.includes('cần xác minh')).length).toBeGreaterThan(10);
  });

  it('returns fresh objects each call', () => {
    const a = seedProcedures();
    a[0]!.components[0]!.documentTypes.push('x');
    expect(seedProcedures()[0]!.components[0]!.documentTypes).not.toContain('x');
  });
});

describe('catalog search', () => {
  it('finds procedures typed without diacritics', async () => {
    const { matchesQuery } = await import('../text/search.ts');
    const names = seedProcedures().map((p) => p.name);
    expect(names.filter((n) => matchesQuery(n, 'dang ky khai sinh'))).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh']);
    expect(names.filter((n) => matchesQuery(n, 'thuong tru'))).toEqual(['Đăng ký thường trú']);
  });
});
