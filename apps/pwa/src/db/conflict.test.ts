import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import type { WithDeleted } from 'rxdb';
import type { Dossier, FileMeta } from '@motcua/model';
import { conflictHandlers, resolveDossierConflict } from './conflict.ts';
import { sampleDossier } from './testing.ts';

const live = <T>(doc: T): WithDeleted<T> => ({ ...doc, _deleted: false });

function received(base: Dossier, by: string, at: number): Dossier {
  return { ...base, status: 2, receivedAt: new Date(at).toISOString(), dueAt: '2026-03-10T10:00:00.000Z', updatedAt: at, updatedBy: by };
}

function withFile(d: Dossier, componentId: string, fileId: string, by: string, at: number): Dossier {
  return {
    ...d,
    components: d.components.map((c) => (c.id === componentId ? { ...c, fileIds: [...c.fileIds, fileId], paperReceived: true } : c)),
    updatedAt: at,
    updatedBy: by,
  };
}

describe('dossier conflicts', () => {
  const base = received(sampleDossier({ id: 'd-conflict' }), 'u-hoa', 1_000);

  it('keeps both devices’ component edits', async () => {
    const master = withFile(base, 'c1', 'f-a', 'u-hoa', 2_000);
    const fork = withFile(base, 'c2', 'f-b', 'u-hoa', 3_000);
    const merged = await conflictHandlers.dossiers.resolve(
      { assumedMasterState: live(base), realMasterState: live(master), newDocumentState: live(fork) },
      'test',
    );
    expect(merged._deleted).toBe(false);
    expect(merged.components.find((c) => c.id === 'c1')?.fileIds).toEqual(['f-a']);
    expect(merged.components.find((c) => c.id === 'c2')?.fileIds).toEqual(['f-b']);
    expect(merged.conflicts).toEqual([]);
  });

  it('settles a concurrent status change by the state machine and records the losing side', () => {
    const master = { ...base, status: 3, decision: { kind: 'reject' as const, reason: 'Thiếu giấy tờ', items: [], at: '2026-03-02T05:00:00.000Z', by: 'u-hoa' }, updatedAt: 2_000 };
    const fork = { ...base, status: 4, stepIndex: 0, updatedAt: 3_000, updatedBy: 'u-cuong' };
    const merged = resolveDossierConflict({ assumedMasterState: live(base), realMasterState: live(master), newDocumentState: live(fork) }, Automerge);
    expect(merged.status).toBe(3);
    expect(merged.conflicts).toHaveLength(1);
  });

  it('gives the same answer whichever device resolves it', () => {
    const a = withFile(base, 'c1', 'f-a', 'u-hoa', 2_000);
    const b = withFile(base, 'c1', 'f-b', 'u-mai', 2_000);
    const one = resolveDossierConflict({ realMasterState: live(a), newDocumentState: live(b) }, Automerge);
    const two = resolveDossierConflict({ realMasterState: live(b), newDocumentState: live(a) }, Automerge);
    expect(one).toEqual(two);
    expect(new Set(one.components[0]?.fileIds)).toEqual(new Set(['f-a', 'f-b']));
  });

  it('lets a deletion on the server win', () => {
    const master = { ...live(base), _deleted: true };
    expect(resolveDossierConflict({ realMasterState: master, newDocumentState: live(withFile(base, 'c1', 'f', 'u', 9)) }, Automerge)).toBe(master);
  });

  it('says two equal states are equal, whatever their key order', () => {
    const { id, ...rest } = base;
    expect(conflictHandlers.dossiers.isEqual(live(base), live({ ...rest, id } as Dossier), 'test')).toBe(true);
    expect(conflictHandlers.dossiers.isEqual(live(base), live({ ...base, summary: 'x' }), 'test')).toBe(false);
  });
});

describe('other collections', () => {
  it('let the server’s copy win', async () => {
    const file = (name: string): WithDeleted<FileMeta> => live({
      id: 'f1', sha256: 'a'.repeat(64), name, mime: 'application/pdf', size: 1, ownerCccd: '062099000123',
      agencyId: '001.29.00.H34', dossierId: null, uploadedBy: 'u', createdAt: '2026-03-02T00:00:00.000Z', updatedAt: 1,
    });
    const resolved = await conflictHandlers.files.resolve({ realMasterState: file('server.pdf'), newDocumentState: file('local.pdf') }, 'test');
    expect(resolved.name).toBe('server.pdf');
  });
});
