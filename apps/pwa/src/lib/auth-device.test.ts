import { describe, expect, it, vi } from 'vitest';
import { AuthError, makeAuthClient, type KeyValueStorage } from './auth.ts';

const user = { id: 'u1', username: 'motcua.dakla', fullName: 'Phạm Thị Hoa', role: 'receptionist' as const, agencyId: '001.29.00.H34', cccd: null };

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const revoked = () => json(401, { error: { code: 'device_revoked', message: 'Thiết bị này đã bị thu hồi' } });

describe('auth client on a device', () => {
  it('sends the device id with sign-in and refresh', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { accessToken: 'a', refreshToken: 'r', user, expiresIn: 900 }));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch: fetch as typeof globalThis.fetch, deviceId: () => 'dev-1' });
    await auth.login('motcua.dakla', 'Demo@2026');
    await auth.refresh('a');
    for (const [, init] of fetch.mock.calls) expect((init!.headers as Record<string, string>)['X-Device-Id']).toBe('dev-1');
  });

  it('an offline session has no token and never calls the server for one', async () => {
    const fetch = vi.fn(async () => json(200, {}));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch });
    auth.startOffline(user);
    expect(auth.current()?.user.id).toBe('u1');
    expect(await auth.getAccessToken()).toBeNull();
    expect(await auth.refresh()).toBeNull();
    await auth.logout();
    expect(fetch).not.toHaveBeenCalled();
    expect(auth.current()).toBeNull();
  });

  it('a refresh refused with device_revoked signs out and tells the listeners who it was', async () => {
    const fetch = vi.fn(async (url: string) => (url.endsWith('/login') ? json(200, { accessToken: 'a', refreshToken: 'r', user, expiresIn: 900 }) : revoked()));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch: fetch as typeof globalThis.fetch });
    const seen: string[] = [];
    auth.onDeviceRevoked((u) => seen.push(u.id));
    await auth.login('motcua.dakla', 'Demo@2026');
    expect(await auth.refresh('a')).toBeNull();
    expect(auth.current()).toBeNull();
    expect(seen).toEqual(['u1']);
  });

  it('a sign-in refused with device_revoked says so', async () => {
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch: async () => revoked() });
    const error = await auth.login('motcua.dakla', 'Demo@2026').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'device_revoked', message: 'Thiết bị này đã bị thu hồi quyền truy cập.' });
  });

  it('a plain 401 on refresh signs out without calling the revocation listeners', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/login') ? json(200, { accessToken: 'a', refreshToken: 'r', user, expiresIn: 900 }) : json(401, { error: { code: 'invalid_refresh_token' } }),
    );
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch: fetch as typeof globalThis.fetch });
    const listener = vi.fn();
    auth.onDeviceRevoked(listener);
    await auth.login('motcua.dakla', 'Demo@2026');
    await auth.refresh('a');
    expect(auth.current()).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('resumes an offline session online, unless it ended meanwhile', async () => {
    const fetch = vi.fn(async (url: string) => (url.endsWith('/login') ? json(200, { accessToken: 'a', refreshToken: 'r', user, expiresIn: 900 }) : new Response(null, { status: 204 })));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch: fetch as typeof globalThis.fetch, now: () => 0 });
    auth.startOffline(user);
    expect(await auth.resumeOnline('Demo@2026')).toBe(true);
    expect(auth.current()?.refreshToken).toBe('r');

    auth.startOffline(user);
    const pending = auth.resumeOnline('Demo@2026');
    await auth.logout(); // signed out while the sign-in was on its way
    expect(await pending).toBe(false);
    expect(auth.current()).toBeNull();
    expect(fetch.mock.calls.at(-1)![0]).toBe('/api/auth/logout'); // the tokens it got are given back
  });
});
