import { describe, expect, it } from 'vitest';
import { makePopulationClient } from './populationClient.ts';

const query = { cccd: '062301000456', fullName: 'Trần Thị Bình', birthDate: '2001-08-20' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('makePopulationClient', () => {
  it('sends the query with the bearer token and returns the answer', async () => {
    let seen: RequestInit | undefined;
    const ask = makePopulationClient({
      baseUrl: 'http://x', getAccessToken: async () => 'tok',
      fetch: async (_url, init) => {
        seen = init;
        return json(200, { status: 'not_found', source: 'CSDLQG' });
      },
    });
    expect(await ask(query)).toEqual({ status: 'not_found', source: 'CSDLQG' });
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(seen?.body))).toEqual(query);
  });

  it('reports offline when there is no network, no token or no registry (queue and retry)', async () => {
    const down = makePopulationClient({ baseUrl: 'http://x', getAccessToken: async () => 'tok', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await down(query)).toEqual({ status: 'offline' });
    const noToken = makePopulationClient({ baseUrl: 'http://x', getAccessToken: async () => null, fetch: async () => json(200, {}) });
    expect(await noToken(query)).toEqual({ status: 'offline' });
    const unavailable = makePopulationClient({ baseUrl: 'http://x', getAccessToken: async () => 't', fetch: async () => json(503, { error: { code: 'population_unavailable', message: 'x' } }) });
    expect(await unavailable(query)).toEqual({ status: 'offline' });
  });

  it('passes the server message of a refused check, and says when a later try may pass', async () => {
    const limited = makePopulationClient({ baseUrl: 'http://x', getAccessToken: async () => 't', fetch: async () => json(429, { error: { code: 'rate_limited', message: 'Tra cứu quá nhiều lần' } }) });
    expect(await limited(query)).toEqual({ status: 'error', message: 'Tra cứu quá nhiều lần', retryLater: true });
    const invalid = makePopulationClient({ baseUrl: 'http://x', getAccessToken: async () => 't', fetch: async () => json(400, { error: { code: 'invalid_cccd', message: 'Số CCCD không hợp lệ' } }) });
    expect(await invalid(query)).toEqual({ status: 'error', message: 'Số CCCD không hợp lệ' });
  });
});
