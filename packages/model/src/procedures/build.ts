/**
 * @module procedures/build — small builders that keep the seed catalog readable.
 */
import { formatProcedureCode } from '../codes/procedure-code.ts';
import type { Procedure, ProcedureComponent, ProcedureFee, WorkflowStep } from '../schemas/procedure.schema.ts';

/** Version and effective date of the seeded catalog (the commune level after 01/07/2025). */
export const SEED_VERSION = '2025.1';
export const SEED_EFFECTIVE_FROM = '2025-07-01';
const SEED_UPDATED_AT = Date.UTC(2025, 6, 1);

/** A procedure as written in the seed files, before it is localized for a province. */
export interface ProcedureDef {
  nationalCode: string;
  name: string;
  field: Procedure['field'];
  level: Procedure['level'];
  timeLimit: Procedure['timeLimit'];
  fees: ProcedureFee[];
  components: ProcedureComponent[];
  resultName: string;
  paperResultRequired: boolean;
  legalBasis: string;
  /** Values taken as defaults, not checked against a source (domain.md [I]). */
  unverified?: string[];
}

export const FIELDS = {
  hoTich: { code: 'ho-tich', name: 'Hộ tịch' },
  chungThuc: { code: 'chung-thuc', name: 'Chứng thực' },
  cuTru: { code: 'cu-tru', name: 'Cư trú' },
  danSo: { code: 'dan-so', name: 'Dân số' },
  teNan: { code: 'phong-chong-te-nan-xa-hoi', name: 'Phòng, chống tệ nạn xã hội' },
  baoTro: { code: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' },
} as const satisfies Record<string, Procedure['field']>;

/** A component slot; by default one original, required, filled by documents of type `id`. */
export function component(
  id: string,
  name: string,
  options: { originals?: number; copies?: number; required?: boolean; documentTypes?: string[]; note?: string } = {},
): ProcedureComponent {
  return {
    id,
    name,
    originals: options.originals ?? 1,
    copies: options.copies ?? 0,
    documentTypes: options.documentTypes ?? [id],
    required: options.required ?? true,
    ...(options.note ? { note: options.note } : {}),
  };
}

/** The ID paper the requester shows (xuất trình); checked against CSDLQG về dân cư. */
export const requesterId = (id = 'cccd', name = 'Giấy tờ tùy thân của người yêu cầu (xuất trình)'): ProcedureComponent =>
  component(id, name, { originals: 1, documentTypes: ['cccd', 'ho-chieu'], note: 'Không phải nộp nếu thông tin đã khai thác được từ CSDLQG về dân cư.' });

/** The optional power of attorney when someone files on the applicant's behalf. */
export const authorization = (): ProcedureComponent =>
  component('van-ban-uy-quyen', 'Văn bản ủy quyền (nếu nộp thay)', { required: false });

export function fee(
  name: string,
  kind: ProcedureFee['kind'],
  amount: number,
  per: ProcedureFee['per'] = 'case',
  channel: ProcedureFee['channel'] = 'any',
  note?: string,
): ProcedureFee {
  return { name, kind, amount, per, channel, ...(note ? { note } : {}) };
}

/** A fee the provincial People's Council sets: 0 until the province configures its resolution. */
export const feeByProvince = (name: string): ProcedureFee =>
  fee(name, 'le_phi', 0, 'case', 'any', 'Mức thu do HĐND tỉnh quy định — cấu hình theo nghị quyết của tỉnh.');

export const freeOnTime = (name: string): ProcedureFee =>
  fee(name, 'le_phi', 0, 'case', 'any', 'Miễn lệ phí khi đăng ký đúng hạn.');

function totalHours(limit: Procedure['timeLimit']): number {
  if (limit.unit === 'same_day') return 8;
  return limit.unit === 'hours' ? limit.value : limit.value * 8;
}

/** Desk → specialist → leader → desk, sharing the time limit 10/50/30/10 %. */
export function standardWorkflow(limit: Procedure['timeLimit'], leaderName = 'Lãnh đạo UBND xã'): WorkflowStep[] {
  const h = totalHours(limit);
  const share = (p: number) => Math.round(h * p * 100) / 100;
  return [
    { id: 'tiep-nhan', name: 'Bộ phận Một cửa tiếp nhận hồ sơ', role: 'receptionist', hours: share(0.1) },
    { id: 'xu-ly', name: 'Công chức chuyên môn thẩm định, xử lý', role: 'specialist', hours: share(0.5) },
    { id: 'phe-duyet', name: `${leaderName} phê duyệt, ký kết quả`, role: 'leader', hours: share(0.3) },
    { id: 'tra-ket-qua', name: 'Bộ phận Một cửa trả kết quả', role: 'receptionist', hours: share(0.1) },
  ];
}

/** Localizes a definition for a province (`H34`): the id, the version and the workflow. */
export function localize(def: ProcedureDef, provinceCode: string): Procedure {
  const leader = def.field.code === FIELDS.cuTru.code ? 'Trưởng Công an xã' : 'Lãnh đạo UBND xã';
  const caveat = def.unverified?.length ? ` Giá trị mặc định cần xác minh: ${def.unverified.join('; ')}.` : '';
  return {
    id: formatProcedureCode(def.nationalCode, provinceCode),
    nationalCode: def.nationalCode,
    name: def.name,
    field: { ...def.field },
    level: def.level,
    agencyIds: [],
    timeLimit: { ...def.timeLimit },
    fees: def.fees.map((f) => ({ ...f })),
    components: def.components.map((c) => ({ ...c, documentTypes: [...c.documentTypes] })),
    resultName: def.resultName,
    paperResultRequired: def.paperResultRequired,
    workflow: standardWorkflow(def.timeLimit, leader),
    legalBasis: def.legalBasis + caveat,
    version: SEED_VERSION,
    effectiveFrom: SEED_EFFECTIVE_FROM,
    updatedAt: SEED_UPDATED_AT,
  };
}
