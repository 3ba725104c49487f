/**
 * @module slips/values — the values of a dossier's slips, from the dossier, its agency and procedure.
 */
import type { Agency } from '../schemas/agency.schema.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Procedure } from '../schemas/procedure.schema.ts';
import { toVnClock } from '../calendar/vn-time.ts';
import { formatSlipDate, formatSlipDateTime } from './render.ts';
import type { SlipInput, SlipRow } from './types.ts';

const RETURN_PLACES: Record<Dossier['returnMethod'], string> = {
  desk: 'Bộ phận tiếp nhận và trả kết quả',
  post: 'Địa chỉ của người nộp, qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến, trên Cổng dịch vụ công',
};

const TIME_UNITS: Record<Procedure['timeLimit']['unit'], string> = {
  working_days: 'ngày làm việc',
  hours: 'giờ làm việc',
  same_day: 'trong ngày',
};

/** "5 ngày làm việc", "Trong ngày". */
export function formatTimeLimit(limit: Procedure['timeLimit']): string {
  return limit.unit === 'same_day' ? 'Trong ngày' : `${limit.value} ${TIME_UNITS[limit.unit]}`;
}

/** "25.000 đồng". */
export function formatVnd(amount: number): string {
  return `${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

export interface DossierSlipContext {
  dossier: Dossier;
  agency: Pick<Agency, 'name' | 'placeName'>;
  procedure: Pick<Procedure, 'timeLimit'> | null;
  officer: { name: string; phone?: string };
  /** When the slip is printed. */
  now: Date;
  /** Base of the public lookup link; the QR encodes `${lookupBase}?ma=<code>`. Empty = the code alone. */
  lookupBase?: string;
  /** Items to supply (Mẫu 02), reasons and the new date (Mẫu 03, 04). */
  items?: string[];
  reason?: string;
  newDueAt?: string | null;
  copyFor?: 'Lưu' | 'Giao khách hàng';
  signer?: { title: string; name: string };
}

/**
 * Everything a slip of this dossier may print. Missing facts print as dotted lines, as a paper
 * form left blank would.
 */
export function dossierSlipInput(ctx: DossierSlipContext): SlipInput {
  const { dossier: d, agency } = ctx;
  const blank = '…………';
  const at = (iso: string | null) => (iso ? formatSlipDateTime(new Date(iso)) : blank);
  const day = (iso: string | null | undefined) => (iso ? formatSlipDate(new Date(iso)) : blank);
  const [year, month, dayOfMonth] = toVnClock(ctx.now).date.split('-') as [string, string, string];
  const code = d.code ?? d.provisionalCode ?? '';
  const components: SlipRow[] = d.components.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies }));
  const items: SlipRow[] = (ctx.items ?? d.decision?.items ?? []).map((name) => ({ name, originals: 1, copies: 0 }));
  const lookupText = code && ctx.lookupBase ? `${ctx.lookupBase}?ma=${encodeURIComponent(code)}` : code;
  return {
    values: {
      agencyUpper: agency.name.toLocaleUpperCase('vi'),
      agencyName: agency.name,
      placeName: agency.placeName,
      day: dayOfMonth,
      month,
      year,
      slipNumber: code ? code.slice(-4) : blank,
      // A dossier received offline with no leased number left: its provisional code until sync, then both.
      code: d.code && d.provisionalCode
        ? `${d.code} (mã tạm: ${d.provisionalCode})`
        : !d.code && d.provisionalCode ? `${d.provisionalCode} (mã tạm, mã chính thức cấp khi đồng bộ)` : code || 'Chưa cấp (sẽ cấp khi đồng bộ)',
      copyFor: ctx.copyFor ?? 'Giao khách hàng',
      applicantName: d.applicant.fullName,
      applicantCccd: d.applicant.cccd,
      applicantAddress: d.applicant.address || blank,
      applicantPhone: d.applicant.phone || blank,
      applicantEmail: d.applicant.email || blank,
      summary: d.summary,
      sets: '01',
      timeLimit: ctx.procedure ? formatTimeLimit(ctx.procedure.timeLimit) : blank,
      receivedAt: at(d.receivedAt),
      receivedDate: day(d.receivedAt).replace(/^ngày /, ''),
      dueAt: at(d.dueAt),
      dueDate: day(d.dueAt),
      newDueDate: day(ctx.newDueAt ?? d.apology?.newDueAt),
      returnPlace: RETURN_PLACES[d.returnMethod],
      fee: d.fee.amount > 0 ? `${formatVnd(d.fee.amount)} (${d.fee.paid === 'cash' ? 'đã thu tiền mặt' : 'chưa thanh toán'})` : '',
      ledgerBook: blank,
      ledgerNumber: blank,
      officerName: ctx.officer.name,
      officerPhone: ctx.officer.phone || blank,
      reason: ctx.reason ?? d.apology?.reason ?? d.decision?.reason ?? blank,
      signerTitle: ctx.signer?.title ?? 'CHỦ TỊCH',
      signerName: ctx.signer?.name ?? '',
    },
    components,
    items,
    lookupText,
  };
}
