import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { applyAction, contentOf, parseCccdQr, seedContent, type Dossier, type Procedure, type UnchainedEvent } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import {
  initialIntakeForm, inPersonIntake, intakeFeeLines, validateIntake, withCardQr, withRegistryPerson, type InPersonIntakeInput, type IntakeForm,
} from './intakeForm.ts';

const procedures = seedProcedures();
const khaiSinh = procedures.find((p) => p.nationalCode === '1.001193') as Procedure;
const banSao = procedures.find((p) => p.fees.some((f) => f.per === 'page' || f.per === 'copy')) as Procedure;
const actor = { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' as const };
const QR = '062099000123|231234567|Nguyễn Văn An|12051999|Nam|Thôn 1, xã Đắk La, tỉnh Kon Tum|15042021';

/** The intake's actions applied as the device and the server apply them: the dossier and the last event. */
function receiveInPerson(input: InPersonIntakeInput): { dossier: Dossier; event: UnchainedEvent } {
  const { draft, actions } = inPersonIntake(input);
  const ctx = { actor, now: input.now, eventId: 'e-1', deviceId: 'dev', dossierId: input.id, procedure: input.procedure };
  const seed = { type: 'create' as const, agencyId: input.agencyId, procedureId: input.procedure.id, channel: 1 as const, changes: [seedContent(Automerge, contentOf(draft))] };
  let { dossier, event } = applyAction(Automerge, null, seed, ctx);
  for (const action of actions) ({ dossier, event } = applyAction(Automerge, dossier, action, ctx));
  return { dossier, event };
}

function filled(procedure = khaiSinh): IntakeForm {
  const form = withCardQr(initialIntakeForm(procedure), parseCccdQr(QR));
  return { ...form, confirmed: true, components: form.components.map((c) => ({ ...c, paperReceived: true })) };
}

describe('the intake form', () => {
  it('fills from the card QR: number, old ID, name, birth date, sex, address, issue date', () => {
    const form = withCardQr(initialIntakeForm(khaiSinh), parseCccdQr(QR));
    expect(form.applicant).toMatchObject({ cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum' });
    expect(form).toMatchObject({ oldIdNumber: '231234567', issueDate: '2021-04-15', identitySource: 'card_qr' });
  });

  it('fills from the registry and keeps that source when the same card is then scanned', () => {
    const person = {
      cccd: '062099000123', oldIdNumber: null, fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam' as const,
      permanentAddress: 'Thôn 1, xã Đắk La, tỉnh Kon Tum', currentAddress: '', issueDate: '2021-04-15', ethnicity: 'Kinh', nationality: 'Việt Nam',
    };
    const checked = withRegistryPerson(initialIntakeForm(khaiSinh), person);
    expect(checked.identitySource).toBe('population_registry');
    expect(checked.applicant.address).toBe(person.permanentAddress);
    expect(withCardQr(checked, parseCccdQr(QR)).identitySource).toBe('population_registry');
  });

  it('names what is missing, per tab', () => {
    const fields = validateIntake(initialIntakeForm(khaiSinh)).map((p) => `${p.tab}:${p.field}`);
    expect(fields).toContain('general:applicant-fullName');
    expect(fields).toContain('general:applicant-cccd');
    expect(fields).toContain('general:identity-confirmed');
    expect(fields.some((f) => f.startsWith('components:component-'))).toBe(true);
    expect(validateIntake(filled())).toEqual([]);
    const wantsEmail = { ...filled(), notify: { sms: false, email: true, zalo: false } };
    expect(validateIntake(wantsEmail)).toMatchObject([{ tab: 'return', field: 'notify-email' }]);
  });

  it('computes the fee per copy and page for in-person filing', () => {
    const form = { ...filled(banSao), fee: { copies: 2, pages: 4, paid: 'cash' as const } };
    const total = intakeFeeLines(banSao, form).reduce((s, l) => s + l.amount, 0);
    expect(total).toBeGreaterThan(intakeFeeLines(banSao, { ...form, fee: { ...form.fee, copies: 1 } }).reduce((s, l) => s + l.amount, 0));
  });

  it('creates the dossier received (status 2), channel 1, with the appointment date and identity check', () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    const { dossier, event } = receiveInPerson({ id: 'd-1', procedure: khaiSinh, agencyId: '001.29.00.H34', form: filled(), userId: actor.userId, now });
    expect(dossier).toMatchObject({
      status: 2, channel: 1, code: null, ownerCccd: '062099000123', returnMethod: 'desk',
      identityCheck: { source: 'card_qr', by: 'Phạm Thị Hoa', at: now.toISOString() }, receivedAt: now.toISOString(),
    });
    expect(dossier.dueAt! >= now.toISOString()).toBe(true);
    expect(dossier.components.every((c) => c.paperReceived)).toBe(true);
    expect(event).toMatchObject({ type: 'v1.DossierReceived', fromStatus: 0, toStatus: 2, dossierId: 'd-1' });
  });

  it('receives with the device’s leased code, or keeps a provisional one for the server to replace', () => {
    const now = new Date('2026-03-04T02:00:00Z');
    const base = { id: 'd-2', procedure: khaiSinh, agencyId: '001.29.00.H34', form: filled(), userId: actor.userId, now };
    const leased = receiveInPerson({ ...base, issued: { kind: 'leased', code: 'H34.29.2-260304-0031', state: null as never } });
    expect(leased.dossier).toMatchObject({ code: 'H34.29.2-260304-0031', provisionalCode: null });
    expect(leased.event.data).toMatchObject({ code: 'H34.29.2-260304-0031' });
    const provisional = receiveInPerson({ ...base, issued: { kind: 'provisional', provisionalCode: 'TAM-DEV-1', state: null as never } });
    expect(provisional.dossier).toMatchObject({ code: null, provisionalCode: 'TAM-DEV-1' });
  });
});
