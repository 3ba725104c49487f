import { describe, expect, it } from 'vitest';
import { dossierSchema } from '../schemas/dossier.schema.ts';
import { seedProcedures } from '../procedures/index.ts';
import { createDossierDraft } from './draft.ts';
import { draft } from './fixtures.test-helpers.ts';

describe('createDossierDraft', () => {
  it('fills every required dossier field', () => {
    const d = draft();
    for (const field of dossierSchema.required) expect(d, field).toHaveProperty(field);
    // `content` (the Automerge document) is written by whoever stores the draft, with Automerge at hand.
    const fields = Object.keys(dossierSchema.properties).filter((k) => k !== 'content');
    expect(Object.keys(d).sort()).toEqual(fields.sort());
  });

  it('prices the draft for its channel', () => {
    const thuongTru = seedProcedures().find((p) => p.nationalCode === '1.004222')!;
    const base = { id: 'd', procedure: thuongTru, ownerCccd: '062099000123', agencyId: 'a', now: new Date(0), userId: 'u' };
    const applicant = draft().applicant;
    expect(createDossierDraft({ ...base, applicant }).fee).toEqual({ amount: 10000, paid: 'none' });
    const direct = createDossierDraft({ ...base, applicant, channel: 1 });
    expect(direct).toMatchObject({ channel: 1, returnMethod: 'desk', fee: { amount: 20000 } });
  });

  it('copies the applicant rather than sharing it', () => {
    const applicant = draft().applicant;
    const d = createDossierDraft({
      id: 'd', procedure: seedProcedures()[0]!, applicant, ownerCccd: applicant.cccd, agencyId: 'a', now: new Date(0), userId: 'u',
    });
    expect(d.applicant).toEqual(applicant);
    expect(d.applicant).not.toBe(applicant);
  });
});
