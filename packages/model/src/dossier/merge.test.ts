import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../schemas/dossier.schema.ts';
import { draft } from './fixtures.test-helpers.ts';
import { mergeDossier, STATUS_RANK } from './merge.ts';
import { ALL_STATUSES, type DossierStatusCode } from './status.ts';

const base = draft();
const componentIds = base.components.map((c) => c.id);

const arbDossier: fc.Arbitrary<Dossier> = fc
  .record({
    status: fc.constantFrom(...ALL_STATUSES),
    updatedAt: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_010 }),
    updatedBy: fc.constantFrom('u-a', 'u-b', 'u-c'),
    phone: fc.constantFrom('0905000001', '0905000002'),
    stepIndex: fc.integer({ min: -1, max: 3 }),
    files: fc.array(fc.array(fc.constantFrom('f1', 'f2', 'f3', 'f4'), { maxLength: 3 }), {
      minLength: componentIds.length,
      maxLength: componentIds.length,
    }),
    paper: fc.array(fc.boolean(), { minLength: componentIds.length, maxLength: componentIds.length }),
    code: fc.constantFrom(null, 'H34.29.2-260302-0001', 'H34.29.2-260302-0002'),
    conflicts: fc.array(fc.record({ eventId: fc.constantFrom('x', 'y'), note: fc.constantFrom('n1', 'n2') }), { maxLength: 2 }),
  })
  .map((r) => ({
    ...base,
    status: r.status,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    applicant: { ...base.applicant, phone: r.phone },
    stepIndex: r.stepIndex,
    code: r.code,
    conflicts: r.conflicts,
    components: base.components.map((c, i) => ({ ...c, fileIds: [...new Set(r.files[i])], paperReceived: r.paper[i]! })),
  }));

describe('mergeDossier properties', () => {
  it('gives the same result whichever side is master', () => {
    fc.assert(fc.property(arbDossier, arbDossier, (a, b) => {
      expect(mergeDossier(a, b)).toEqual(mergeDossier(b, a));
    }), { numRuns: 500 });
  });

  it('keeps the higher-ranked status', () => {
    fc.assert(fc.property(arbDossier, arbDossier, (a, b) => {
      const m = mergeDossier(a, b);
      const best = STATUS_RANK[a.status as DossierStatusCode] >= STATUS_RANK[b.status as DossierStatusCode] ? a.status : b.status;
      expect(m.status).toBe(best);
    }), { numRuns: 300 });
  });

  it('never loses an attached file or a received paper', () => {
    fc.assert(fc.property(arbDossier, arbDossier, (a, b) => {
      const m = mergeDossier(a, b);
      m.components.forEach((c, i) => {
        for (const f of [...a.components[i]!.fileIds, ...b.components[i]!.fileIds]) expect(c.fileIds).toContain(f);
        expect(c.paperReceived).toBe(a.components[i]!.paperReceived || b.components[i]!.paperReceived);
      });
    }), { numRuns: 300 });
  });

  it('records the losing status change and keeps earlier conflicts', () => {
    fc.assert(fc.property(arbDossier, arbDossier, (a, b) => {
      const m = mergeDossier(a, b);
      for (const c of [...a.conflicts, ...b.conflicts]) expect(m.conflicts).toContainEqual(c);
      if (a.status !== b.status) expect(m.conflicts.length).toBeGreaterThan(new Set([...a.conflicts, ...b.conflicts].map((c) => c.eventId + c.note)).size);
    }), { numRuns: 300 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(arbDossier, (a) => {
      expect(mergeDossier(a, a)).toEqual(a);
    }));
  });

  it('is stable when merged again with either side', () => {
    fc.assert(fc.property(arbDossier, arbDossier, (a, b) => {
      const m = mergeDossier(a, b);
      expect(mergeDossier(m, mergeDossier(a, b))).toEqual(m);
      expect(mergeDossier(m, a).status).toBe(m.status);
    }), { numRuns: 200 });
  });
});

describe('mergeDossier examples', () => {
  const at = (status: number, updatedAt: number, updatedBy: string, extra: Partial<Dossier> = {}): Dossier =>
    ({ ...base, status, updatedAt, updatedBy, ...extra });

  it('a supplement request beats a concurrent step move, with its fields', () => {
    const move = at(4, 2000, 'u-cuong', { stepIndex: 2 });
    const supplement = at(5, 1000, 'u-hoa', {
      stepIndex: 1,
      decision: { kind: 'supplement', reason: 'Thiếu', items: ['Giấy chứng sinh'], at: '2026-03-02T02:00:00.000Z', by: 'Phạm Thị Hoa' },
    });
    const m = mergeDossier(move, supplement);
    expect(m).toMatchObject({ status: 5, stepIndex: 1, decision: { kind: 'supplement' }, updatedAt: 2000, updatedBy: 'u-cuong' });
    expect(m.conflicts).toHaveLength(1);
    expect(m.conflicts[0]!.note).toContain('«Đang xử lý»');
    expect(m.conflicts[0]!.note).toContain('«Yêu cầu bổ sung giấy tờ»');
  });

  it('the later edit wins scalar fields', () => {
    const a = at(2, 1000, 'u-a', { applicant: { ...base.applicant, phone: '111' } });
    const b = at(2, 2000, 'u-b', { applicant: { ...base.applicant, phone: '222' } });
    expect(mergeDossier(a, b).applicant.phone).toBe('222');
    expect(mergeDossier(b, a).applicant.phone).toBe('222');
    const tie = at(2, 2000, 'u-z', { applicant: { ...base.applicant, phone: '333' } });
    expect(mergeDossier(b, tie).applicant.phone).toBe('333');
  });

  it('keeps a server-assigned code', () => {
    const server = at(2, 1000, 'server', { code: 'H34.29.2-260302-0001' });
    const device = at(4, 2000, 'u-hoa', { code: null });
    expect(mergeDossier(server, device).code).toBe('H34.29.2-260302-0001');
  });

  it('does not flag a side that never changed the status', () => {
    const ancestor = at(2, 500, 'u-hoa');
    const server = at(4, 1000, 'system', { stepIndex: 0 });
    const device = at(2, 2000, 'u-hoa', { applicant: { ...base.applicant, phone: '0999' } });
    const m = mergeDossier(server, device, ancestor);
    expect(m).toMatchObject({ status: 4, stepIndex: 0, conflicts: [] });
    expect(m.applicant.phone).toBe('0999');
    expect(mergeDossier(server, device).conflicts).toHaveLength(1);
  });

  it('ranks every status once', () => {
    expect(new Set(Object.values(STATUS_RANK)).size).toBe(11);
    expect(STATUS_RANK[10]).toBeGreaterThan(STATUS_RANK[9]);
    expect(STATUS_RANK[3]).toBeGreaterThan(STATUS_RANK[2]);
  });
});

describe('mergeDossier across three versions', () => {
  it('settles on the same status whatever the grouping', () => {
    fc.assert(fc.property(arbDossier, arbDossier, arbDossier, (a, b, c) => {
      const left = mergeDossier(mergeDossier(a, b), c);
      const right = mergeDossier(a, mergeDossier(b, c));
      expect(left.status).toBe(right.status);
      expect(left.components.map((x) => [...x.fileIds].sort())).toEqual(right.components.map((x) => [...x.fileIds].sort()));
    }), { numRuns: 300 });
  });
});

describe('the result goes with the approval', () => {
  it('keeps the leader’s signed result against a later unsigned edit at a lower status', () => {
    const signed = { name: 'Giấy khai sinh', fileIds: ['f-kq'], number: '1', signedBy: 'Y Blong', issuedAt: '2026-03-05T02:00:00.000Z', warehouseDocId: null };
    const approved: Dossier = { ...base, status: 9, updatedAt: 10, updatedBy: 'u-blong', result: signed };
    const edited: Dossier = { ...base, status: 4, updatedAt: 20, updatedBy: 'u-cuong', result: { ...signed, fileIds: ['f-2'], signedBy: '', issuedAt: null } };
    for (const merged of [mergeDossier(approved, edited), mergeDossier(edited, approved)]) {
      expect(merged).toMatchObject({ status: 9, result: signed });
    }
  });
});
