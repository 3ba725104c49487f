import { describe, expect, it, vi } from 'vitest';
import { AuthError, SESSION_KEY, makeAuthClient, type KeyValueStorage } from './auth.ts';

const user = {
  id: 'u1',
  username: 'motcua.dakla',
  fullName: 'Phạm Thị Hoa',
  role: 'receptionist' as const,
  agencyId: '001.29.00.H34',
  cccd: null,
};

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function tokens(n: number) {
  return { accessToken: `a${n}`, refreshToken: `r${n}`, user, expiresIn: 900 };
}

describe('auth client', () => {
  it('signs in and keeps the user and refresh token in storage', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async () => json(200, tokens(1)));
    const auth = makeAuthClient({ baseUrl: '', storage, fetch, now: () => 0 });
    const session = await auth.login(' motcua.dakla ', 'Demo@2026');
    expect(session.user.fullName).toBe('Phạm Thị Hoa');
    expect(fetch).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST' }));
    const stored = JSON.parse(storage.data.get(SESSION_KEY)!);
    expect(stored.refreshToken).toBe('r1');
    // a reload reads it back
    expect(makeAuthClient({ baseUrl: '', storage, fetch, now: () => 0 }).current()?.user.id).toBe('u1');
  });

  it('says in Vietnamese when the password is wrong', async () => {
    const auth = makeAuthClient({
      baseUrl: '',
      storage: memoryStorage(),
      fetch: async () => json(401, { error: { code: 'invalid_credentials', message: 'x' } }),
    });
    await expect(auth.login('062099000123', 'sai')).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    await expect(auth.login('', '')).rejects.toBeInstanceOf(AuthError);
  });

  it('returns the access token while fresh and refreshes once when expired', async () => {
    let clock = 0;
    let issued = 1;
    const fetch = vi.fn(async () => json(200, tokens(issued++)));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch, now: () => clock });
    await auth.login('motcua.dakla', 'Demo@2026');
    expect(await auth.getAccessToken()).toBe('a1');
    clock = 15 * 60 * 1000;
    const [x, y] = await Promise.all([auth.getAccessToken(), auth.getAccessToken()]);
    expect([x, y]).toEqual(['a2', 'a2']);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(auth.current()?.refreshToken).toBe('r2');
  });

  it('keeps the session offline and answers null so replication waits', async () => {
    let clock = 0;
    let online = true;
    const fetch = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(200, tokens(1));
    });
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch, now: () => clock });
    await auth.login('motcua.dakla', 'Demo@2026');
    online = false;
    clock = 60 * 60 * 1000;
    expect(await auth.getAccessToken()).toBeNull();
    expect(auth.current()?.user.id).toBe('u1');
  });

  it('signs out when the server refuses the refresh token', async () => {
    let clock = 0;
    const seen: unknown[] = [];
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/login') ? json(200, tokens(1)) : json(401, { error: { code: 'invalid_token' } }),
    );
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch, now: () => clock });
    auth.subscribe((s) => seen.push(s));
    await auth.login('motcua.dakla', 'Demo@2026');
    clock = 20 * 60 * 1000;
    expect(await auth.getAccessToken()).toBeNull();
    expect(auth.current()).toBeNull();
    expect(seen.at(-1)).toBeNull();
  });

  it('forgets the session on logout even offline', async () => {
    const storage = memoryStorage();
    let online = true;
    const auth = makeAuthClient({
      baseUrl: '',
      storage,
      fetch: async () => {
        if (!online) throw new TypeError('offline');
        return json(200, tokens(1));
      },
    });
    await auth.login('motcua.dakla', 'Demo@2026');
    online = false;
    await auth.logout();
    expect(storage.data.has(SESSION_KEY)).toBe(false);
    expect(await auth.getAccessToken()).toBeNull();
  });
});

describe('auth client after a refused token', () => {
  it('refreshes even a fresh token when the server refused that very token', async () => {
    let issued = 1;
    const fetch = vi.fn(async () => json(200, tokens(issued++)));
    const auth = makeAuthClient({ baseUrl: '', storage: memoryStorage(), fetch, now: () => 0 });
    await auth.login('motcua.dakla', 'Demo@2026');
    expect((await auth.refresh())?.accessToken).toBe('a1');
    expect((await auth.refresh('a1'))?.accessToken).toBe('a2');
  });
});
