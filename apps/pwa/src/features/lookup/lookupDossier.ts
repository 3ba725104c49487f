/**
 * The public lookup's client: `POST /api/public/lookup` with the dossier code and the CCCD.
 * Answers the status, the current step and the appointment date, or a Vietnamese reason.
 */
import { answerBody } from '../../lib/answerBody.ts';
export interface LookupAnswer {
  code: string;
  status: number;
  statusLabel: string;
  stepName: string;
  dueAt: string | null;
}

export type LookupResult = { ok: true; answer: LookupAnswer } | { ok: false; message: string };

/** Checks the form before asking the server; returns the message to show, or null. */
export function checkLookupInput(code: string, cccd: string): string | null {
  if (!code.trim()) return 'Vui lòng nhập mã hồ sơ.';
  if (!/^\d{12}$/.test(cccd.replace(/\s+/g, ''))) return 'Số CCCD phải gồm đúng 12 chữ số.';
  return null;
}

export async function lookupDossier(
  input: { code: string; cccd: string },
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): Promise<LookupResult> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}/api/public/lookup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: input.code.trim(), cccd: input.cccd.replace(/\s+/g, '') }),
    });
  } catch {
    return { ok: false, message: 'Không kết nối được máy chủ. Tra cứu cần có mạng, vui lòng thử lại.' };
  }
  if (response.ok) return { ok: true, answer: (await response.json()) as LookupAnswer };
  const body = await answerBody<{ error?: { message?: string } }>(response);
  return { ok: false, message: body?.error?.message ?? `Tra cứu không thành công (mã lỗi ${response.status}).` };
}
