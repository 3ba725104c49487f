import { describe, expect, it } from 'vitest';
import { createDossierDraft, type Dossier } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { DossierEventType } from '@motcua/model';
import { ConflictNotFoundError, resolveConflict, withConflicts } from './resolveConflict.ts';

const procedure = seedProcedures('H34')[0]!;
function dossier(id: string, conflicts: Dossier['conflicts'], updatedAt = 1): Dossier {
  const d = createDossierDraft({
    id, procedure, ownerCccd: '062099000123', agencyId: '001.29.00.H34', now: new Date('2026-03-02T01:00:00Z'), userId: 'c1',
    applicant: { cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '', email: '', address: '' },
  });
  return { ...d, status: 2, conflicts, updatedAt };
}
const actor = { userId: 'o1', name: 'Phạm Thị Hoa', role: 'receptionist' as const };

describe('resolving a conflict', () => {
  it('removes it from the dossier and records the note and comment in a history event', () => {
    const d = dossier('d1', [{ eventId: '1:a', note: 'Từ chối bị thay' }, { eventId: '2:b', note: 'khác' }]);
    const now = new Date('2026-03-03T01:00:00Z');
    const { dossier: after, event } = resolveConflict({ dossier: d, conflictId: '1:a', comment: ' Đã gọi công dân ', actor, now, eventId: 'e1', deviceId: 'dev' });
    expect(after.conflicts).toEqual([{ eventId: '2:b', note: 'khác' }]);
    expect(after.updatedAt).toBe(now.getTime());
    expect(event).toMatchObject({ type: DossierEventType.ConflictResolved, comment: 'Đã gọi công dân', fromStatus: 2, toStatus: 2, data: { conflictId: '1:a', note: 'Từ chối bị thay' } });
  });

  it('says so when the conflict is already resolved', () => {
    expect(() => resolveConflict({ dossier: dossier('d1', []), conflictId: 'x', comment: '', actor, now: new Date(), eventId: 'e', deviceId: 'd' }))
      .toThrow(ConflictNotFoundError);
  });

  it('lists only dossiers with conflicts, newest first', () => {
    const list = withConflicts([dossier('a', []), dossier('b', [{ eventId: '1', note: 'n' }], 5), dossier('c', [{ eventId: '1', note: 'n' }], 9)]);
    expect(list.map((d) => d.id)).toEqual(['c', 'b']);
  });
});
