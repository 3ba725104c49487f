import { describe, expect, it } from 'vitest';
import { createDossierDraft, type Dossier } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { availableActions } from './availableActions.ts';

const khaiSinh = seedProcedures('H34').find((p) => p.nationalCode === '1.001193')!;
const wf = khaiSinh.workflow;
const at = (o: Partial<Dossier>): Dossier => ({
  ...createDossierDraft({
    id: 'd', procedure: khaiSinh, ownerCccd: '062099000123', agencyId: 'a', now: new Date('2026-03-02T01:00:00Z'), userId: 'u',
    applicant: { cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '', email: '', address: '' },
  }),
  dueAt: '2026-03-10T02:00:00.000Z',
  ...o,
});
const on = (r: Record<string, boolean>) => Object.keys(r).filter((k) => r[k]).sort();

describe('availableActions', () => {
  it('gives each role the buttons of its own step only', () => {
    expect(on(availableActions(at({ status: 2 }), wf, 'receptionist'))).toEqual(['apology', 'forward']);
    expect(on(availableActions(at({ status: 2 }), wf, 'specialist'))).toEqual(['apology']);
    const specialistStep = at({ status: 4, stepIndex: 1 });
    expect(on(availableActions(specialistStep, wf, 'specialist'))).toEqual(['apology', 'back', 'forward', 'result', 'stop']);
    expect(on(availableActions(specialistStep, wf, 'leader'))).toEqual([]);
    const leaderStep = at({ status: 4, stepIndex: 2 });
    expect(on(availableActions(leaderStep, wf, 'leader'))).toEqual(['apology', 'approve', 'back', 'result', 'stop']);
    expect(on(availableActions(at({ status: 9, stepIndex: 3 }), wf, 'receptionist'))).toEqual(['return']);
    expect(on(availableActions(at({ status: 7 }), wf, 'receptionist'))).toEqual(['withdraw']);
    expect(on(availableActions(at({ status: 10 }), wf, 'receptionist'))).toEqual([]);
  });
});
