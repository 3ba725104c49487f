import { describe, expect, it } from 'vitest';
import { createDossierDraft } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { applyForm, formFromDossier, initialForm, validateForm } from './draftForm.ts';

const procedure = seedProcedures('H34')[0]!;
const citizen = { id: 'c1', username: '062301000456', fullName: 'Trần Thị Bình', role: 'citizen' as const, agencyId: null, cccd: '062301000456' };

describe('the "Nộp hồ sơ" form', () => {
  it('starts from the account, the CCCD and the last dossier', () => {
    const form = initialForm(citizen, procedure, null, '001.29.00.H34');
    expect(form.applicant).toMatchObject({ fullName: 'Trần Thị Bình', cccd: '062301000456', gender: 'nu', phone: '' });
    const again = initialForm(citizen, procedure, { ...form.applicant, phone: '0905000111', address: 'Thôn 2' }, '001.29.00.H34');
    expect(again.applicant).toMatchObject({ phone: '0905000111', address: 'Thôn 2' });
    expect(Object.keys(again.files)).toEqual(procedure.components.map((c) => c.id));
  });

  it('lists what to fix, in Vietnamese, until the form is complete', () => {
    const form = initialForm(citizen, procedure, null, '');
    const fields = validateForm(form, procedure).map((p) => p.field);
    expect(fields).toContain('applicant-birthDate');
    expect(fields).toContain('applicant-phone');
    expect(fields).toContain('agency');
    const required = procedure.components.filter((c) => c.required);
    for (const c of required) expect(fields).toContain(`component-${c.id}`);

    form.applicant.birthDate = '2001-08-20';
    form.applicant.phone = '0905000111';
    form.applicant.address = 'Thôn 2, xã Đắk La';
    form.agencyId = '001.29.00.H34';
    for (const c of required) form.files[c.id] = ['f-' + c.id];
    expect(validateForm(form, procedure)).toEqual([]);
    form.applicant.cccd = '0623010004';
    expect(validateForm(form, procedure)[0]).toMatchObject({ field: 'applicant-cccd' });
  });

  it('writes into the draft and reads back', () => {
    const form = initialForm(citizen, procedure, null, '001.29.00.H34');
    form.applicant.address = '  Thôn 2  ';
    const firstComponent = procedure.components[0]!.id;
    form.files[firstComponent] = ['f1'];
    const draft = createDossierDraft({
      id: 'd1', procedure, applicant: form.applicant, ownerCccd: citizen.cccd, agencyId: '', now: new Date(0), userId: 'c1',
    });
    const saved = applyForm(draft, form, new Date(1000), 'c1');
    expect(saved.agencyId).toBe('001.29.00.H34');
    expect(saved.applicant.address).toBe('Thôn 2');
    expect(saved.components[0]!.fileIds).toEqual(['f1']);
    expect(saved.status).toBe(0);
    expect(formFromDossier(saved).files[firstComponent]).toEqual(['f1']);
  });
});
