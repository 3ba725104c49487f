import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { summarySchema } from '../schemas/summary.schema.ts';
import type { Actor } from '../schemas/event.schema.ts';
import { applyDossierAction, type DossierAction } from './actions.ts';
import { actors, ctx, draft } from './fixtures.test-helpers.ts';
import { summarizeDossier } from './summary.ts';

const ajv = new Ajv({ allErrors: true });
ajv.addVocabulary(['version', 'primaryKey', 'indexes']);
const validSummary = ajv.compile(summarySchema);

/** What of the person and of the officers' words must never reach the nation. */
const PRIVATE = ['062099000123', 'Nguyễn Văn An', '1999-05-12', '0905000123', 'Đắk La, Kon Tum', 'Thiếu bản sao', 'Giấy chứng sinh gốc', 'f1', 'Phạm Thị Hoa'];

describe('the summary a province sends the nation', () => {
  it('fits its schema at every step of a dossier and carries nothing of the person', () => {
    let d = draft();
    const steps: [Actor, DossierAction][] = [
      [actors.citizen, { type: 'submit' }],
      [actors.receptionist, { type: 'receive', dueAt: '2026-03-03T10:00:00.000Z' }],
      [actors.receptionist, { type: 'requestSupplement', reason: 'Thiếu bản sao', items: ['Giấy chứng sinh gốc'] }],
      [actors.citizen, { type: 'supplement', components: [{ id: 'giay-chung-sinh', fileIds: ['f1'] }] }],
      [actors.receptionist, { type: 'acceptSupplement' }],
      [actors.system, { type: 'startProcessing', stepIndex: 1 }],
      [actors.leader, { type: 'resolve' }],
      [actors.receptionist, { type: 'returnResult' }],
    ];
    for (const [actor, action] of steps) {
      d = applyDossierAction(d, action, ctx(actor)).dossier;
      const summary = summarizeDossier(d);
      expect(validSummary(summary), `${action.type}: ${ajv.errorsText(validSummary.errors)}`).toBe(true);
      const text = JSON.stringify(summary);
      for (const secret of PRIVATE) expect(text, `${action.type} leaks "${secret}"`).not.toContain(secret);
      expect(summary).toMatchObject({ id: d.id, code: d.code, agencyId: d.agencyId, status: d.status, receivedAt: d.receivedAt, dueAt: d.dueAt });
    }
    expect(summarizeDossier(d).status).toBe(10);
  });

  it('keeps what the national indicators count: digitized and reused components, result files, decision kind, rating', () => {
    const base = draft();
    const d = {
      ...base,
      status: 10,
      components: base.components.map((c, i) => ({ ...c, fileIds: i === 0 ? ['a', 'b'] : [], reused: i === 0, warehouseDocId: i === 0 ? 'wh-1' : null })),
      result: { name: 'Giấy khai sinh', fileIds: ['r1'], number: '12/2026', signedBy: 'Y Blong', issuedAt: '2026-03-05T00:00:00.000Z', warehouseDocId: null },
      decision: { kind: 'supplement' as const, reason: 'Thiếu bản sao', items: [], at: '2026-03-02T00:00:00.000Z', by: 'Phạm Thị Hoa' },
      rating: { level: 'hai_long' as const, comment: 'Nhanh, chu đáo', at: '2026-03-06T00:00:00.000Z' },
    };
    const summary = summarizeDossier(d);
    expect(summary.components[0]).toEqual({ id: base.components[0]!.id, files: 2, reused: true, paperReceived: false });
    expect(summary.components.slice(1).every((c) => c.files === 0 && !c.reused)).toBe(true);
    expect(summary).toMatchObject({ resultFiles: 1, decisionKind: 'supplement', rating: 'hai_long' });
    expect(JSON.stringify(summary)).not.toMatch(/Nhanh|Thiếu|12\/2026|wh-1/);
    expect(summarizeDossier(base).resultFiles).toBeNull();
  });
});
