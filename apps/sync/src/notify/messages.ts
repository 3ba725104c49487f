/**
 * Which dossier events the citizen is told about, and what the message says. Short plain text:
 * the same words go by email (with a subject), SMS and Zalo.
 */
import { DossierEventType, toVnClock } from '@motcua/model';
import type { NewMessage, NotifyChannelName } from './outbox-store.ts';

/** The events that matter to the citizen (received, supplement requested, rejected, result ready, apology). */
export const NOTIFIED_EVENT_TYPES: ReadonlySet<string> = new Set([
  DossierEventType.Received,
  DossierEventType.SupplementRequested,
  DossierEventType.Rejected,
  DossierEventType.Resolved,
  DossierEventType.ApologyIssued,
]);

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function vnDate(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const [y, m, d] = toVnClock(new Date(iso)).date.split('-');
  return `${d}/${m}/${y}`;
}

/** Subject and text of the message for one event of a dossier. */
export function messageText(event: Data, dossier: Data): { subject: string; body: string } {
  const code = str(dossier.code) || str(dossier.provisionalCode);
  const ref = code ? `hồ sơ ${code}` : 'hồ sơ';
  const summary = str(dossier.summary);
  const data = (event.data ?? {}) as Data;
  const reason = str(data.reason) || str((dossier.decision as Data | null)?.reason);
  const hello = `Kính gửi Ông/Bà ${str((dossier.applicant as Data | undefined)?.fullName)},`;
  const lines: Record<string, [string, string]> = {
    [DossierEventType.Received]: [
      `Đã tiếp nhận ${ref}`,
      `Cơ quan đã tiếp nhận ${ref} (${summary}). Ngày hẹn trả kết quả: ${vnDate(dossier.dueAt)}.`,
    ],
    [DossierEventType.SupplementRequested]: [
      `Yêu cầu bổ sung ${ref}`,
      `${ref[0]!.toUpperCase()}${ref.slice(1)} (${summary}) cần bổ sung: ${((data.items ?? (dossier.decision as Data | null)?.items ?? []) as string[]).join('; ')}. Lý do: ${reason}.`,
    ],
    [DossierEventType.Rejected]: [
      `Từ chối tiếp nhận ${ref}`,
      `${ref[0]!.toUpperCase()}${ref.slice(1)} (${summary}) không được tiếp nhận, giải quyết. Lý do: ${reason}.`,
    ],
    [DossierEventType.Resolved]: [
      `Đã có kết quả ${ref}`,
      `${ref[0]!.toUpperCase()}${ref.slice(1)} (${summary}) đã có kết quả giải quyết. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.`,
    ],
    [DossierEventType.ApologyIssued]: [
      `Xin lỗi và hẹn lại ngày trả kết quả ${ref}`,
      `Cơ quan xin lỗi vì chưa trả kết quả ${ref} (${summary}) đúng hẹn. Lý do: ${str((dossier.apology as Data | null)?.reason) || reason}. Ngày hẹn trả mới: ${vnDate((dossier.apology as Data | null)?.newDueAt ?? data.newDueAt)}.`,
    ],
  };
  const [subject, text] = lines[str(event.type)] ?? [`Cập nhật ${ref}`, `${ref} (${summary}) có cập nhật mới.`];
  return { subject: subject.normalize('NFC'), body: `${hello}\n${text}\nTra cứu hồ sơ bằng mã hồ sơ và số CCCD.`.normalize('NFC') };
}

/**
 * One message per channel the citizen chose (`dossier.notify`); a chosen channel without an
 * address is recorded as skipped rather than dropped, so the desk can see why nothing arrived.
 */
export function messagesFor(event: Data, dossier: Data): NewMessage[] {
  const notify = (dossier.notify ?? {}) as Partial<Record<NotifyChannelName, boolean>>;
  const applicant = (dossier.applicant ?? {}) as Data;
  const { subject, body } = messageText(event, dossier);
  const out: NewMessage[] = [];
  for (const channel of ['email', 'sms', 'zalo'] as const) {
    if (!notify[channel]) continue;
    const recipient = channel === 'email' ? str(applicant.email).trim() : str(applicant.phone).trim();
    out.push({ channel, recipient, subject, body, ...(recipient ? {} : { skipped: 'no_recipient' }) });
  }
  return out;
}

/** The events of a push batch that should become notifications. */
export function notifiableEvents(docs: Data[]): Array<{ eventId: string; dossierId: string; type: string; event: Data }> {
  return docs
    .filter((d) => NOTIFIED_EVENT_TYPES.has(str(d.type)) && typeof d.id === 'string' && typeof d.dossierId === 'string')
    .map((d) => ({ eventId: d.id as string, dossierId: d.dossierId as string, type: d.type as string, event: d }));
}
