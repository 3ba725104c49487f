/**
 * The desk's call for a citizen's account activation code, after the card was checked in person:
 * POST /api/population/activation. The server checks the card against the population registry.
 */
import { answerBody } from '../../lib/answerBody.ts';
export interface ActivationCard {
  cccd: string;
  fullName: string;
  birthDate: string;
}

export interface Activation {
  code: string;
  expiresAt: string;
  /** The name the registry holds, which the account carries. */
  fullName: string;
}

/** Resolves with the code to print; rejects with the server's Vietnamese message, or a network one. */
export async function issueActivation(card: ActivationCard, accessToken: string, fetchFn: typeof fetch = fetch, baseUrl = ''): Promise<Activation> {
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}/api/population/activation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ cccd: card.cccd.trim(), fullName: card.fullName.trim(), birthDate: card.birthDate }),
    });
  } catch {
    throw new Error('Cần có mạng để cấp mã kích hoạt: mã được kiểm tra với Cơ sở dữ liệu quốc gia về dân cư.');
  }
  const body = await answerBody<Activation & { error?: { message?: string } }>(response);
  if (response.status === 201 && body) return body;
  throw new Error(body?.error?.message ?? `Không cấp được mã kích hoạt (lỗi ${response.status}).`);
}
