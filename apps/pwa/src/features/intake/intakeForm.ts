/**
 * The in-person reception form ("Tiếp nhận hồ sơ trực tiếp") as plain data: the four tabs' fields,
 * what fills them (the population registry's answer, the card's QR code), what must be fixed, and
 * the actions it becomes — a new dossier received at once (status 2).
 */
import {
  computeDueDate, computeFeeLines, createDossierDraft, validateCccd,
  type CccdQrData, type Dossier, type DossierAction, type DossierComponent, type FeeLine, type IdentitySource, type Procedure,
  type IssuedCode, type PopulationPerson,
} from '@motcua/model';

export type { IdentitySource };

export interface IntakeForm {
  applicant: Dossier['applicant'];
  /** Số CMND cũ and ngày cấp, read from the card; shown for the officer, not stored in the dossier. */
  oldIdNumber: string;
  issueDate: string;
  /** How the identity was checked: the registry, the card's QR, or by looking at the card. */
  identitySource: IdentitySource;
  /** The officer has compared every field with the card presented ("Đã đối chiếu"). */
  confirmed: boolean;
  components: Array<Pick<DossierComponent, 'id' | 'name' | 'originals' | 'copies' | 'paperReceived'> & { required: boolean }>;
  fee: { copies: number; pages: number; paid: 'cash' | 'pending' };
  returnMethod: Dossier['returnMethod'];
  notify: Dossier['notify'];
}

export interface IntakeProblem {
  /** Input id: `applicant-fullName`, `component-<id>`, `notify-email`… */
  field: string;
  tab: 'general' | 'components' | 'fee' | 'return';
  message: string;
}

/** A new form for a procedure: every component expected in paper, the fee to be collected in cash. */
export function initialIntakeForm(procedure: Procedure): IntakeForm {
  return {
    applicant: { cccd: '', fullName: '', birthDate: '', gender: 'nam', phone: '', email: '', address: '' },
    oldIdNumber: '',
    issueDate: '',
    identitySource: 'card_visual',
    confirmed: false,
    components: procedure.components.map((c) => ({
      id: c.id, name: c.name, originals: c.originals, copies: c.copies, paperReceived: false, required: c.required,
    })),
    fee: { copies: 1, pages: 1, paid: 'cash' },
    returnMethod: 'desk',
    notify: { sms: false, email: false, zalo: false },
  };
}

/** Fills the form from the population registry's answer; the officer still confirms every field. */
export function withRegistryPerson(form: IntakeForm, person: PopulationPerson): IntakeForm {
  return {
    ...form,
    applicant: {
      ...form.applicant,
      cccd: person.cccd,
      fullName: person.fullName,
      birthDate: person.birthDate,
      gender: person.gender,
      address: person.currentAddress || person.permanentAddress,
    },
    oldIdNumber: person.oldIdNumber ?? form.oldIdNumber,
    issueDate: person.issueDate ?? form.issueDate,
    identitySource: 'population_registry',
    confirmed: false,
  };
}

/** Fills the form from the card's QR code. A registry confirmation already made is kept. */
export function withCardQr(form: IntakeForm, qr: CccdQrData): IntakeForm {
  return {
    ...form,
    applicant: { ...form.applicant, cccd: qr.cccd, fullName: qr.fullName, birthDate: qr.birthDate, gender: qr.gender, address: qr.address },
    oldIdNumber: qr.oldIdNumber ?? '',
    issueDate: qr.issueDate ?? '',
    identitySource: form.identitySource === 'population_registry' && form.applicant.cccd === qr.cccd ? 'population_registry' : 'card_qr',
    confirmed: false,
  };
}

/** Copies and pages as the fee computation accepts them (at least 1) while the officer is typing. */
export function safeCounts(fee: IntakeForm['fee']): { copies: number; pages: number } {
  const count = (n: number) => (Number.isInteger(n) && n >= 1 ? n : 1);
  return { copies: count(fee.copies), pages: count(fee.pages) };
}

/** The fee lines for the form (in person: the direct-channel fees). */
export function intakeFeeLines(procedure: Procedure, form: IntakeForm): FeeLine[] {
  return computeFeeLines(procedure, { channel: 'direct', ...safeCounts(form.fee) });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+84|0)\d{9,10}$/;

/** What must be fixed before the dossier can be received; empty when it can. */
export function validateIntake(form: IntakeForm): IntakeProblem[] {
  const a = form.applicant;
  const out: IntakeProblem[] = [];
  const general = (field: string, message: string) => out.push({ field, tab: 'general', message });
  if (!a.fullName.trim()) general('applicant-fullName', 'Vui lòng nhập họ và tên người nộp.');
  const cccdProblem = validateCccd(a.cccd.trim(), /^\d{4}-\d{2}-\d{2}$/.test(a.birthDate) ? a.birthDate : null, a.gender);
  if (cccdProblem) general('applicant-cccd', cccdProblem);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) general('applicant-birthDate', 'Vui lòng nhập ngày sinh dạng dd/mm/yyyy.');
  if (!a.address.trim()) general('applicant-address', 'Vui lòng nhập địa chỉ.');
  const phone = a.phone.replace(/[\s.]/g, '');
  if (phone && !PHONE.test(phone)) general('applicant-phone', 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0).');
  if (a.email.trim() && !EMAIL.test(a.email.trim())) general('applicant-email', 'Địa chỉ email không hợp lệ.');
  if (!form.confirmed) general('identity-confirmed', 'Vui lòng đối chiếu từng thông tin với thẻ CCCD của người nộp rồi xác nhận.');
  for (const c of form.components) {
    if (c.required && !c.paperReceived) {
      out.push({ field: `component-${c.id}`, tab: 'components', message: `Chưa nhận thành phần bắt buộc: ${c.name}.` });
    }
  }
  if (!Number.isInteger(form.fee.copies) || form.fee.copies < 1) out.push({ field: 'fee-copies', tab: 'fee', message: 'Số bản phải từ 1 trở lên.' });
  if (!Number.isInteger(form.fee.pages) || form.fee.pages < 1) out.push({ field: 'fee-pages', tab: 'fee', message: 'Số trang phải từ 1 trở lên.' });
  if (form.notify.email && !a.email.trim()) out.push({ field: 'notify-email', tab: 'return', message: 'Đã chọn báo qua email: vui lòng nhập email ở tab Thông tin chung.' });
  if ((form.notify.sms || form.notify.zalo) && !phone) {
    out.push({ field: 'notify-sms', tab: 'return', message: 'Đã chọn báo qua SMS/Zalo: vui lòng nhập số điện thoại ở tab Thông tin chung.' });
  }
  return out;
}

export interface InPersonIntakeInput {
  id: string;
  procedure: Procedure;
  agencyId: string;
  form: IntakeForm;
  userId: string;
  now: Date;
  /** This device's code for the dossier (see `reception/makeCodeBook.ts`); absent: the server issues it. */
  issued?: IssuedCode;
}

/**
 * An in-person reception as actions: the new dossier (channel 1, trực tiếp) with the form's data,
 * how the identity was checked, then "Tiếp nhận hồ sơ" with the appointment date from the
 * procedure's time limit and the fee charged. The code is the device's leased one when it has one;
 * otherwise it stays null (with a provisional code when the book ran out) and the server issues it.
 */
export function inPersonIntake(input: InPersonIntakeInput): { draft: Dossier; actions: DossierAction[] } {
  const { form, procedure, now } = input;
  const a = form.applicant;
  const applicant = {
    ...a, cccd: a.cccd.trim(), fullName: a.fullName.trim().normalize('NFC'), phone: a.phone.replace(/[\s.]/g, ''),
    email: a.email.trim(), address: a.address.trim().normalize('NFC'),
  };
  const created = createDossierDraft({
    id: input.id, procedure, applicant, ownerCccd: applicant.cccd, agencyId: input.agencyId, now, userId: input.userId,
    channel: 1, returnMethod: form.returnMethod,
  });
  const draft: Dossier = {
    ...created,
    components: created.components.map((c) => {
      const f = form.components.find((x) => x.id === c.id);
      return f ? { ...c, originals: f.originals, copies: f.copies, paperReceived: f.paperReceived } : c;
    }),
    notify: { ...form.notify },
  };
  const amount = intakeFeeLines(procedure, form).reduce((sum, line) => sum + line.amount, 0);
  const issued = input.issued;
  const receive: DossierAction = {
    type: 'receive',
    code: issued?.kind === 'leased' ? issued.code : null,
    dueAt: computeDueDate(now, procedure.timeLimit).toISOString(),
    fee: { amount, paid: amount === 0 ? 'none' : form.fee.paid },
    comment: 'Tiếp nhận trực tiếp tại Bộ phận một cửa',
    ...(issued?.kind === 'provisional' ? { provisionalCode: issued.provisionalCode } : {}),
  };
  return { draft, actions: [{ type: 'checkIdentity', source: form.identitySource }, receive] };
}
