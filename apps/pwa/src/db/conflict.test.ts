import { describe, expect, it } from 'vitest';
import type { WithDeleted } from 'rxdb';
import type { Dossier, FileMeta } from '@motcua/model';
import { conflictHandlers } from './conflict.ts';
import { sampleDossier } from './testing.ts';

const live = <T>(doc: T): WithDeleted<T> => ({ ...doc, _deleted: false });

describe('conflicts', () => {
  it('let the server’s copy win: its dossier projection, its event with the outcome, its file metadata', async () => {
    const base = sampleDossier({ id: 'd-conflict' });
    const dossier = await conflictHandlers.dossiers.resolve({ realMasterState: live({ ...base, status: 2 }), newDocumentState: live(base) }, 'test');
    expect(dossier.status).toBe(2);
    const file = (name: string): WithDeleted<FileMeta> => live({
      id: 'f1', sha256: 'a'.repeat(64), name, mime: 'application/pdf', size: 1, ownerCccd: '062099000123',
      agencyId: '001.29.00.H34', dossierId: null, uploadedBy: 'u', createdAt: '2026-03-02T00:00:00.000Z', updatedAt: 1,
    });
    const resolved = await conflictHandlers.files.resolve({ realMasterState: file('server.pdf'), newDocumentState: file('local.pdf') }, 'test');
    expect(resolved.name).toBe('server.pdf');
  });

  it('says two equal states are equal, whatever their key order', () => {
    const base = sampleDossier({ id: 'd-equal' });
    const { id, ...rest } = base;
    expect(conflictHandlers.dossiers.isEqual(live(base), live({ ...rest, id } as Dossier), 'test')).toBe(true);
    expect(conflictHandlers.dossiers.isEqual(live(base), live({ ...base, summary: 'x' }), 'test')).toBe(false);
  });
});
