import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

/** Officers sign in from a named device. */
const TEST_DEVICE = { 'X-Device-Id': 'test-login-device' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function login(username: string, password: string) {
  return t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username, password } });
}

describe('POST /api/auth/login', () => {
  it('lets a citizen in with the CCCD and returns tokens and the session user', async () => {
    const response = await login('062099000123', 'Demo@2026');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { username: '062099000123', fullName: 'Nguyễn Văn An', role: 'citizen', cccd: '062099000123', agencyId: null },
    });
    expect(body.user).not.toHaveProperty('passwordHash');
  });

  it('lets an officer in with the agency attached', async () => {
    const body = await (await login('motcua.dakla', 'Demo@2026')).json();
    expect(body.user).toMatchObject({ role: 'receptionist', agencyId: '001.29.00.H34', cccd: null });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const response of [await login('motcua.dakla', 'wrong'), await login('nobody', 'Demo@2026')]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    }
  });

  it('answers malformed or incomplete bodies with 400 JSON', async () => {
    const malformed = await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('malformed_json');
    const missing = await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'x' } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe('invalid_body');
  });
});

describe('GET /api/auth/me and bearer tokens', () => {
  it('names the user of a valid token', async () => {
    const token = await t.token('chutich.dakla');
    const response = await t.call('GET', '/api/auth/me', { token });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ username: 'chutich.dakla', role: 'leader' });
  });

  it('refuses a missing, garbled, forged or expired token', async () => {
    const missing = await t.call('GET', '/api/auth/me');
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe('missing_token');

    const garbled = await t.call('GET', '/api/auth/me', { token: 'not.a.jwt' });
    expect((await garbled.json()).error.code).toBe('invalid_token');

    const claims = { sub: 'u-quantri', username: 'quantri', fullName: 'x', role: 'admin', agencyId: '000.00.00.H34', cccd: null, typ: 'access' };
    const exp = Math.floor(Date.now() / 1000) + 600;
    const forged = await t.call('GET', '/api/sync/dossiers/pull', { token: await sign({ ...claims, exp }, 'not-the-secret', 'HS256') });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('invalid_token');

    const expired = await sign({ ...claims, iat: 1_700_000_000, exp: 1_700_000_900 }, t.jwtSecret, 'HS256');
    const late = await t.call('GET', '/api/auth/me', { token: expired });
    expect(late.status).toBe(401);
    expect((await late.json()).error.code).toBe('token_expired');
  });

  it('refuses a token signed with "none"', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u-quantri', role: 'admin', exp: 9e9 })}.`;
    const response = await t.call('GET', '/api/auth/me', { token: unsigned });
    expect(response.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate, and a reused one revokes the whole family', async () => {
    const first = await (await login('062301000456', 'Demo@2026')).json();
    const second = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    const rotated = await second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.user.username).toBe('062301000456');

    const replay = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('invalid_refresh_token');
    const afterTheft = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: rotated.refreshToken } });
    expect(afterTheft.status).toBe(401);
  });

  it('stop working after logout', async () => {
    const grant = await (await login('motcua.dakmar', 'Demo@2026')).json();
    const out = await t.call('POST', '/api/auth/logout', { body: { refreshToken: grant.refreshToken } });
    expect(out.status).toBe(204);
    const after = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: grant.refreshToken } });
    expect(after.status).toBe(401);
  });

  it('are refused when unknown', async () => {
    const response = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: 'made-up' } });
    expect(response.status).toBe(401);
  });
});

describe('health and unknown routes', () => {
  it('answers health without a token', async () => {
    const response = await t.call('GET', '/api/health');
    expect(await response.json()).toEqual({ ok: true, tier: 'province', version: expect.any(String) });
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const response = await t.call('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});
