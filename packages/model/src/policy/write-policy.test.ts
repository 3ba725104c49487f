import { describe, expect, it } from 'vitest';
import { checkWriteFields, WRITE_POLICY, writeRuleOf, type WriterOf } from './write-policy.ts';

const desk: WriterOf = { kind: 'receptionist', user: { id: 'u-motcua.dakla', fullName: 'Phạm Thị Hoa', agencyId: '001.29.00.H34' } };
const citizen: WriterOf = { kind: 'citizen', user: { id: 'u-citizen-an', fullName: 'Nguyễn Văn An', agencyId: null } };
const tier: WriterOf = { kind: 'tier', user: { id: 'tier:001.29.00.H34', fullName: 'Máy chủ xã', agencyId: '001.29.00.H34' } };
const paper = {
  id: 'w1', ownerCccd: '062099000123', name: 'Giấy khai sinh', number: '12/2020', kind: 'component', fileId: 'f1',
  agencyId: '001.29.00.H34', digitizedBy: 'Phạm Thị Hoa',
};
const refusal = (verdict: ReturnType<typeof checkWriteFields>) => ('refusal' in verdict ? verdict.refusal.code : null);

describe('the write policy table', () => {
  it('denies a writer it does not name, with the collection’s own code', () => {
    expect(writeRuleOf('warehouse', 'citizen')).toBeNull();
    expect(refusal(checkWriteFields('warehouse', citizen, paper, null, false))).toBe('collection_readonly');
    expect(refusal(checkWriteFields('agencies', tier, { id: 'a' }, null, false))).toBe('catalog_readonly');
    expect(refusal(checkWriteFields('summaries', desk, { id: 's' }, null, false))).toBe('summary_readonly');
  });

  it('takes the writer’s own facts from the token on a new document', () => {
    expect(checkWriteFields('warehouse', desk, paper, null, false)).toEqual({ conditions: ['owner-dossier-here'] });
    expect(refusal(checkWriteFields('warehouse', desk, { ...paper, digitizedBy: 'Người khác' }, null, false))).toBe('writer_mismatch');
    expect(refusal(checkWriteFields('warehouse', desk, { ...paper, agencyId: '001.30.00.H34' }, null, false))).toBe('writer_mismatch');
  });

  it('lets a stored document change only the fields its rule names, and never its owner', () => {
    expect(refusal(checkWriteFields('warehouse', desk, { ...paper, number: '13/2020' }, paper, false))).toBeNull();
    expect(refusal(checkWriteFields('warehouse', desk, { ...paper, fileId: 'f2' }, paper, false))).toBe('field_immutable');
    expect(refusal(checkWriteFields('warehouse', desk, { ...paper, extra: 1 }, paper, false))).toBe('field_immutable');
    expect(refusal(checkWriteFields('warehouse', tier, { ...paper, ownerCccd: '062301000456' }, paper, false))).toBe('owner_immutable');
    expect(refusal(checkWriteFields('warehouse', tier, { ...paper, fileId: 'f2' }, paper, false))).toBeNull();
  });

  it('deletes only where a rule allows it', () => {
    expect(refusal(checkWriteFields('warehouse', desk, paper, paper, true))).toBe('delete_refused');
    expect(refusal(checkWriteFields('warehouse', tier, paper, paper, true))).toBeNull();
  });

  it('names only fields of the collection’s schema', async () => {
    const { collectionSchemas } = await import('../schemas/index.ts');
    for (const [collection, rules] of Object.entries(WRITE_POLICY)) {
      const fields = Object.keys(collectionSchemas[collection as keyof typeof WRITE_POLICY].properties);
      for (const rule of rules) {
        for (const field of [...rule.change, ...Object.keys(rule.writerFields ?? {})]) expect(fields, `${collection}.${field}`).toContain(field);
      }
    }
  });
});
