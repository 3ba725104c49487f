import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.ts';
import { HttpError, OfflineError, UnauthorizedError } from './errors.ts';

describe('createApiClient', () => {
  it('sends the Bearer token and reports the server reachable', async () => {
    const seen: string[] = [];
    const client = createApiClient({
      baseUrl: 'http://sync.test/',
      getAccessToken: () => 'a',
      fetch: async (input, init) => {
        seen.push(`${String(input)} ${new Headers(init?.headers).get('Authorization')}`);
        return Response.json({ ok: true });
      },
    });
    expect(client.isOnline()).toBe(false);
    expect(await client.json('/api/health')).toEqual({ ok: true });
    expect(seen).toEqual(['http://sync.test/api/health Bearer a']);
    expect(client.isOnline()).toBe(true);
  });

  it('asks for a fresh token once after a 401', async () => {
    const asked: unknown[] = [];
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: async (o) => (asked.push(o), o?.refresh ? 'fresh' : 'stale'),
      fetch: async (_input, init) =>
        new Headers(init?.headers).get('Authorization') === 'Bearer fresh' ? new Response('ok') : new Response(null, { status: 401 }),
    });
    expect(await (await client.request('/api/x')).text()).toBe('ok');
    expect(asked).toEqual([undefined, { refresh: true }]);
  });

  it('gives up with UnauthorizedError when the fresh token is refused too', async () => {
    const client = createApiClient({ baseUrl: '', getAccessToken: () => 't', fetch: async () => new Response(null, { status: 401 }) });
    await expect(client.request('/api/x')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('turns a network failure or a missing token into OfflineError and goes offline', async () => {
    let up = true;
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: () => 't',
      fetch: async () => {
        if (!up) throw new TypeError('fetch failed');
        return new Response('ok');
      },
    });
    await client.request('/a');
    up = false;
    await expect(client.request('/a')).rejects.toBeInstanceOf(OfflineError);
    expect(client.isOnline()).toBe(false);
    const signedOut = createApiClient({ baseUrl: '', getAccessToken: () => null, fetch: async () => new Response('ok') });
    await expect(signedOut.request('/a')).rejects.toMatchObject({ code: 'offline' });
  });

  it('reads the server’s error body into HttpError', async () => {
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: () => 't',
      fetch: async () => Response.json({ error: { code: 'out_of_scope', message: 'Không có quyền' } }, { status: 403 }),
    });
    const error = await client.json('/api/sync/dossiers/push').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, serverCode: 'out_of_scope' });
    expect((error as Error).message).toContain('Không có quyền');
  });
});
