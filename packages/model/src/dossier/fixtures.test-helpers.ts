import type { Actor } from '../schemas/event.schema.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import { seedProcedures } from '../procedures/index.ts';
import type { ActionContext } from './action-types.ts';
import { createDossierDraft } from './draft.ts';

export const khaiSinh = seedProcedures().find((p) => p.nationalCode === '1.001193')!;

export const actors = {
  citizen: { userId: 'u-an', name: 'Nguyễn Văn An', role: 'citizen' },
  receptionist: { userId: 'u-hoa', name: 'Phạm Thị Hoa', role: 'receptionist' },
  specialist: { userId: 'u-cuong', name: 'Lê Văn Cường', role: 'specialist' },
  leader: { userId: 'u-blong', name: 'Y Blong', role: 'leader' },
  admin: { userId: 'u-admin', name: 'Quản trị', role: 'admin' },
  system: { userId: 'system', name: 'Hệ thống', role: 'system' },
} satisfies Record<string, Actor>;

let seq = 0;
export function ctx(actor: Actor, iso = '2026-03-02T02:00:00.000Z'): ActionContext {
  seq += 1;
  return { actor, now: new Date(iso), eventId: `ev-${seq}`, deviceId: 'dev-1' };
}

export function draft(overrides: Partial<Dossier> = {}): Dossier {
  return {
    ...createDossierDraft({
      id: 'd-1',
      procedure: khaiSinh,
      applicant: {
        cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam',
        phone: '0905000123', email: '', address: 'Đắk La, Kon Tum',
      },
      ownerCccd: '062099000123',
      agencyId: '001.29.00.H34',
      now: new Date('2026-03-01T01:00:00.000Z'),
      userId: 'u-an',
    }),
    ...overrides,
  };
}
