/**
 * The desk's call to the population registry ("Kiểm tra"): POST /api/population/check. A network
 * failure or an unreachable registry is reported as `offline`, so the caller can queue the check.
 */
import type { PopulationPerson } from '@motcua/model';
import { answerBody } from '../../lib/answerBody.ts';

export interface PopulationQuery {
  cccd: string;
  fullName: string;
  birthDate: string;
}

export type PopulationReply =
  | { status: 'found'; person: PopulationPerson; source: string }
  | { status: 'mismatch' | 'not_found'; source: string }
  | { status: 'offline' }
  /** `retryLater`: the registry asked to slow down (HTTP 429); the same query may pass later. */
  | { status: 'error'; message: string; retryLater?: true };

export interface PopulationClientOptions {
  baseUrl: string;
  getAccessToken: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/** Makes the check function; it never throws. */
export function makePopulationClient(options: PopulationClientOptions): (query: PopulationQuery) => Promise<PopulationReply> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (query) => {
    // No token (the session could not be refreshed, often for want of network) reads as offline: the check is queued.
    const token = await options.getAccessToken().catch(() => null);
    if (!token) return { status: 'offline' };
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}/api/population/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(query),
      });
    } catch {
      return { status: 'offline' };
    }
    if (response.status === 503 || response.status === 502 || response.status === 504) return { status: 'offline' };
    const body = await answerBody<(PopulationReply & { error?: undefined }) | { error: { message: string } }>(response);
    if (!response.ok || !body || 'error' in body && body.error) {
      const message = (body as { error?: { message: string } } | null)?.error?.message ?? `Lỗi ${response.status}`;
      return response.status === 429 ? { status: 'error', message, retryLater: true } : { status: 'error', message };
    }
    return body as PopulationReply;
  };
}
