/**
 * Forged, stale and stolen tokens: `alg: none`, a wrong key, expired, a refresh token used twice,
 * a token of a revoked device, after sign-out everywhere.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { login, type SecurityContext } from './context.ts';
import { attempt, refusedWith } from './tally.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(overrides: Record<string, unknown> = {}) {
  const iat = Math.floor(Date.now() / 1000);
  return { sub: 'u-quantri', username: 'quantri', fullName: 'X', role: 'admin', agencyId: '000.00.00.H34', cccd: null, typ: 'access', iat, exp: iat + 900, ...overrides };
}

function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }) {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

export function tokensSuite(ctx: () => SecurityContext) {
  describe('forged and stale access tokens', () => {
    it('refuses alg none, a wrong key, an expired token, a refresh-typed claim set and a tampered payload', async () => {
      const { t } = ctx();
      const forged: Array<[string, string]> = [
        ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
        ['alg none with signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.xx`],
        ['wrong key', hs256(claims(), 'not-the-secret')],
        ['expired', hs256(claims({ iat: 1_600_000_000, exp: 1_600_000_900 }), t.jwtSecret)],
        ['not an access token', hs256(claims({ typ: 'refresh' }), t.jwtSecret)],
        ['unknown role', hs256(claims({ role: 'superuser' }), t.jwtSecret)],
        ['HS512 header', hs256(claims(), t.jwtSecret, { alg: 'HS512', typ: 'JWT' })],
      ];
      const real = await t.token('motcua.dakla');
      const [h, , s] = real.split('.');
      forged.push(['payload swapped', `${h}.${b64(claims())}.${s}`]);
      for (const [label, token] of forged) {
        for (const path of ['/api/auth/me', '/api/admin/users', '/api/sync/dossiers/pull']) {
          await refusedWith('attack', `token ${label} on ${path}`, await t.call('GET', path, { token }), [401]);
        }
      }
    });
  });

  describe('refresh tokens', () => {
    it('a refresh token used twice revokes its family', async () => {
      const { t } = ctx();
      const first = await login(t, 'chuyenvien.dakla');
      const rotated = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(rotated.status).toBe(200);
      const { refreshToken: second } = (await rotated.json()) as { refreshToken: string };
      await refusedWith('attack', 'refresh token replayed', await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } }), [401]);
      await refusedWith('attack', 'family revoked after replay', await t.call('POST', '/api/auth/refresh', { body: { refreshToken: second } }), [401]);
    });

    it('sign-out everywhere ends every family of the user', async () => {
      const { t } = ctx();
      const a = await login(t, 'chutich.dakla', 'dev-tablet-a');
      const b = await login(t, 'chutich.dakla', 'dev-pc-b');
      expect((await t.call('POST', '/api/auth/logout-all', { token: a.accessToken })).status).toBe(200);
      for (const [label, refreshToken] of [['a', a.refreshToken], ['b', b.refreshToken]]) {
        await refusedWith('attack', `refresh ${label} after logout-all`, await t.call('POST', '/api/auth/refresh', { body: { refreshToken } }), [401]);
      }
    });
  });

  describe('accounts changed after the token was issued', () => {
    it('a locked or re-roled account’s tokens stop at once', async () => {
      const { t, token } = ctx();
      for (const [username, patch] of [['tam.dakla', { disabled: true }], ['tu.dakla', { role: 'receptionist' }]] as const) {
        const created = await t.call('POST', '/api/admin/users', {
          token: token.adminProvince,
          body: { username, fullName: 'Cán bộ thử', role: 'leader', agencyId: '001.29.00.H34', password: 'Dak!La2026x' },
        });
        const { user } = (await created.json()) as { user: { id: string } };
        const grant = await login(t, username, undefined, 'Dak!La2026x');
        expect((await t.call('PATCH', `/api/admin/users/${user.id}`, { token: token.adminProvince, body: patch })).status).toBe(200);
        await refusedWith('attack', `token of ${username} after ${JSON.stringify(patch)}`, await t.call('GET', '/api/sync/dossiers/pull', { token: grant.accessToken }), [401]);
        await refusedWith('attack', `refresh of ${username} after ${JSON.stringify(patch)}`, await t.call('POST', '/api/auth/refresh', { body: { refreshToken: grant.refreshToken } }), [401]);
      }
    });
  });

  describe('revoked devices', () => {
    it('every token bound to a revoked device gets 401 device_revoked, and the device cannot sign in again', async () => {
      const { t, token } = ctx();
      const device = 'lost-tablet-01';
      const grant = await login(t, 'motcua.dakla', device);
      expect((await t.call('GET', '/api/sync/dossiers/pull', { token: grant.accessToken })).status).toBe(200);
      const revoke = await t.call('POST', `/api/admin/devices/${device}/revoke`, { token: token.adminProvince });
      expect(revoke.status).toBe(200);
      for (const path of ['/api/auth/me', '/api/sync/dossiers/pull', '/api/warehouse/of/062099000123']) {
        const response = await t.call('GET', path, { token: grant.accessToken });
        const body = (await response.clone().json()) as { error?: { code?: string } };
        attempt('attack', `revoked device token on ${path}`, response.status === 401 && body.error?.code === 'device_revoked', String(response.status));
      }
      await refusedWith('attack', 'refresh from revoked device', await t.call('POST', '/api/auth/refresh', { body: { refreshToken: grant.refreshToken }, headers: { 'X-Device-Id': device } }), [401]);
      const again = await t.call('POST', '/api/auth/login', { body: { username: 'motcua.dakla', password: 'Demo@2026' }, headers: { 'X-Device-Id': device } });
      await refusedWith('attack', 'login on revoked device', again, [401]);
      const trail = await t.store.accounts.auditBy('u-quantri');
      expect(trail.some((e) => e.action === 'admin.device.revoke' && e.subject === `device:${device}`)).toBe(true);
    });

    it('another commune’s admin scope: a device never seen in scope is not found', async () => {
      const { t, token } = ctx();
      await login(t, AN_CITIZEN, 'citizen-phone-1');
      await refusedWith('attack', 'admin revokes a citizen phone', await t.call('POST', '/api/admin/devices/citizen-phone-1/revoke', { token: token.adminProvince }), [404]);
      await refusedWith('attack', 'bad device id header', await t.call('POST', '/api/auth/login', { body: { username: 'quantri', password: 'x' }, headers: { 'X-Device-Id': '../../etc' } }), [400]);
    });
  });
}

const AN_CITIZEN = '062099000123';
