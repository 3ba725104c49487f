import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, deviceId?: string) =>
  t.call('POST', '/api/auth/login', {
    body: { username, password: 'Demo@2026' }, ...(deviceId ? { headers: { 'X-Device-Id': deviceId } } : {}),
  });

/** Resolves when the response's body ends (the server closed the stream), or after `ms`. */
async function endsWithin(response: Response, ms: number): Promise<boolean> {
  const reader = response.body!.getReader();
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) {
      await reader.cancel();
      return false;
    }
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (chunk === null) continue;
    if (chunk.done) return true;
  }
}

describe('ending a session', () => {
  it("requires an officer's device to name itself, and a revoked device cannot sign in again by leaving it out", async () => {
    const bare = await login('motcua.dakmar');
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('device_required');
    expect((await login('062099000123')).status).toBe(200);
    const first = (await (await login('motcua.dakmar', 'desk-to-revoke')).json()) as { refreshToken: string };
    const admin = await t.token('quantri');
    expect((await t.call('POST', '/api/admin/devices/desk-to-revoke/revoke', { token: admin })).status).toBe(200);
    expect((await login('motcua.dakmar', 'desk-to-revoke')).status).toBe(401);
    // Its refresh token stays bound to it, even when the refresh leaves the device out.
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })).status).toBe(401);
  });

  it('signing out ends the access token at once, not when it expires', async () => {
    const grant = (await (await login('062301000456', 'citizen-phone')).json()) as { accessToken: string; refreshToken: string };
    expect((await t.call('GET', '/api/sync/dossiers/pull', { token: grant.accessToken })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { body: { refreshToken: grant.refreshToken } })).status).toBeLessThan(300);
    const after = await t.call('GET', '/api/sync/dossiers/pull', { token: grant.accessToken });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('session_ended');
  });

  it("locking an account ends its open live streams at once", async () => {
    const grant = (await (await login('chuyenvien.dakla', 'specialist-pc')).json()) as { accessToken: string; user: { id: string } };
    const stream = await t.call('GET', '/api/sync/dossiers/pull/stream', { token: grant.accessToken });
    expect(stream.status).toBe(200);
    const admin = await t.token('quantri');
    const locked = await t.call('PATCH', `/api/admin/users/${grant.user.id}`, { token: admin, body: { disabled: true } });
    expect(locked.status).toBe(200);
    expect(await endsWithin(stream, 2000)).toBe(true);
  });
});
