/**
 * The "Nộp hồ sơ" form as plain data: what it starts from, how it writes into the draft dossier,
 * and what must be fixed before submitting.
 */
import { parseCccd, validateCccd, type Applicant, type Dossier, type Procedure, type SessionUser } from '@motcua/model';

export interface DraftForm {
  applicant: Applicant;
  agencyId: string;
  /** File ids per component id. */
  files: Record<string, string[]>;
}

export interface FormProblem {
  /** The input id the message belongs to (`applicant-fullName`, `agency`, `component-<id>`). */
  field: string;
  message: string;
}

const EMPTY_APPLICANT: Applicant = { cccd: '', fullName: '', birthDate: '', gender: 'nam', phone: '', email: '', address: '' };

/** The gender the CCCD's century digit encodes, when it can be read. */
function genderOf(cccd: string): Applicant['gender'] {
  try {
    return parseCccd(cccd).gender;
  } catch {
    return 'nam';
  }
}

/** A new form: the account's name and CCCD, the rest from the person's last dossier if any. */
export function initialForm(user: SessionUser, procedure: Procedure, previous: Applicant | null, agencyId: string): DraftForm {
  const base = previous ? { ...EMPTY_APPLICANT, ...previous } : { ...EMPTY_APPLICANT };
  const cccd = user.cccd ?? base.cccd;
  return {
    applicant: { ...base, fullName: user.fullName || base.fullName, cccd, gender: previous?.gender ?? genderOf(cccd) },
    agencyId,
    files: Object.fromEntries(procedure.components.map((c) => [c.id, []])),
  };
}

/** The form of a saved draft. */
export function formFromDossier(dossier: Dossier): DraftForm {
  return {
    applicant: { ...EMPTY_APPLICANT, ...dossier.applicant },
    agencyId: dossier.agencyId,
    files: Object.fromEntries(dossier.components.map((c) => [c.id, [...c.fileIds]])),
  };
}

/** Writes the form into the draft (status 0) dossier. */
export function applyForm(dossier: Dossier, form: DraftForm, now: Date, userId: string): Dossier {
  const applicant: Applicant = {
    ...form.applicant,
    cccd: form.applicant.cccd.trim(),
    fullName: form.applicant.fullName.trim(),
    phone: form.applicant.phone.trim(),
    email: form.applicant.email.trim(),
    address: form.applicant.address.trim(),
  };
  return {
    ...dossier,
    agencyId: form.agencyId || dossier.agencyId,
    applicant,
    components: dossier.components.map((c) => ({ ...c, fileIds: [...(form.files[c.id] ?? c.fileIds)] })),
    updatedAt: now.getTime(),
    updatedBy: userId,
  };
}

/** What must be fixed before "Nộp hồ sơ", in the order of the form. Empty when ready. */
export function validateForm(form: DraftForm, procedure: Procedure): FormProblem[] {
  const problems: FormProblem[] = [];
  const a = form.applicant;
  if (!a.fullName.trim()) problems.push({ field: 'applicant-fullName', message: 'Vui lòng nhập họ và tên người nộp.' });
  const birth = /^\d{4}-\d{2}-\d{2}$/.test(a.birthDate) ? a.birthDate : null;
  const cccdProblem = a.cccd.trim() ? validateCccd(a.cccd.trim(), birth) : 'Vui lòng nhập số CCCD.';
  if (cccdProblem) problems.push({ field: 'applicant-cccd', message: cccdProblem });
  if (!a.birthDate) problems.push({ field: 'applicant-birthDate', message: 'Vui lòng nhập ngày sinh.' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) {
    problems.push({ field: 'applicant-birthDate', message: 'Ngày sinh không hợp lệ; nhập theo dạng dd/mm/yyyy.' });
  }
  if (!/^[0-9+ ]{9,15}$/.test(a.phone.trim())) {
    problems.push({ field: 'applicant-phone', message: 'Vui lòng nhập số điện thoại hợp lệ (9–15 chữ số).' });
  }
  if (a.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) {
    problems.push({ field: 'applicant-email', message: 'Địa chỉ thư điện tử không hợp lệ.' });
  }
  if (!a.address.trim()) problems.push({ field: 'applicant-address', message: 'Vui lòng nhập địa chỉ.' });
  if (!form.agencyId) problems.push({ field: 'agency', message: 'Vui lòng chọn nơi tiếp nhận hồ sơ.' });
  for (const c of procedure.components) {
    if (c.required && (form.files[c.id]?.length ?? 0) === 0) {
      problems.push({ field: `component-${c.id}`, message: `Chưa tải tệp cho thành phần bắt buộc: ${c.name}.` });
    }
  }
  return problems;
}
