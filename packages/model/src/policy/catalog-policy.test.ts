import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyWriteRefusal, procedureWriteRefusal, type CatalogWriter } from './catalog-policy.ts';

// Kon Tum's admin (H34) acts for Kon Tum and its communes; Gia Lai (H52) is another province.
const kontum: CatalogWriter = { agencyId: 'H34', tree: new Set(['H34', 'dak-la', 'dak-mar']) };
const communes = ['dak-la', 'dak-mar', 'ia-der'] as const;

describe('agencies', () => {
  it("never moves another province's commune under one's own, nor one's own commune out", () => {
    expect(agencyWriteRefusal(kontum, { id: 'ia-der', parentId: 'H34', level: 'commune' }, { id: 'ia-der', parentId: 'H52', level: 'commune' })).not.toBeNull();
    expect(agencyWriteRefusal(kontum, { id: 'dak-la', parentId: 'H52', level: 'commune' }, { id: 'dak-la', parentId: 'H34', level: 'commune' })).not.toBeNull();
    expect(agencyWriteRefusal(kontum, { id: 'dak-la', parentId: 'H34', level: 'commune' }, { id: 'dak-la', parentId: 'H34', level: 'commune' })).toBeNull();
    expect(agencyWriteRefusal(kontum, { id: 'new-xa', parentId: 'H34', level: 'commune' }, null)).toBeNull();
    expect(agencyWriteRefusal(kontum, { id: 'H34', parentId: 'nation-x', level: 'province' }, { id: 'H34', parentId: null, level: 'province' })).not.toBeNull();
  });

  it('allows a write exactly when the agency and its parent, old and new, are in the tree', () => {
    const parent = fc.constantFrom('H34', 'H52', 'dak-la');
    fc.assert(fc.property(fc.constantFrom(...communes), parent, parent, (id, before, after) => {
      const refusal = agencyWriteRefusal(kontum, { id, parentId: after, level: 'commune' }, { id, parentId: before, level: 'commune' });
      const allowed = kontum.tree.has(id) && kontum.tree.has(before) && kontum.tree.has(after);
      expect(refusal === null).toBe(allowed);
    }));
  });
});

describe('procedures', () => {
  it("edits only entries of one's own agencies; the tier-wide catalog is the root admin's", () => {
    expect(procedureWriteRefusal(kontum, false, { agencyIds: ['dak-la'] }, { agencyIds: ['dak-la', 'dak-mar'] })).toBeNull();
    expect(procedureWriteRefusal(kontum, false, { agencyIds: ['dak-la'] }, { agencyIds: ['ia-der'] })).not.toBeNull();
    expect(procedureWriteRefusal(kontum, false, { agencyIds: [] }, null)).not.toBeNull();
    expect(procedureWriteRefusal(kontum, true, { agencyIds: [] }, { agencyIds: [] })).toBeNull();
  });
});
