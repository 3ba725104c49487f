import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessions } from '../auth/sessions.ts';
import { createLoginThrottle } from '../auth/throttle.ts';
import { createAccessTokens } from '../auth/tokens.ts';
import { silentLogger } from '../log.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { errorCode } from './sync-test-helpers.ts';
import { DEMO_USERS } from '../demo/users.ts';
import { SYNTHETIC_PEOPLE } from '../population/synthetic.ts';

/** Officers sign in from a named device. */
const TEST_DEVICE = { 'X-Device-Id': 'test-login-device' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A person of the (synthetic) population registry with no account yet.
const PERSON = SYNTHETIC_PEOPLE.find((p) => !DEMO_USERS.some((u) => u.cccd === p.cccd))!;
const NEW_CCCD = PERSON.cccd;
const registration = { cccd: NEW_CCCD, code: '', phone: '0905777888', email: 'nhan@example.vn', password: 'Kon!Tum2026' };

/** The desk checks the card and prints the activation code. */
async function activation(card: { cccd: string; fullName: string; birthDate: string }) {
  return t.call('POST', '/api/population/activation', { token: await t.token('motcua.dakla'), body: card });
}
const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

describe('POST /api/auth/register with the desk’s activation code', () => {
  it('activates the account with the registry’s name, audits it and queues the account details', async () => {
    const printed = await activation({ cccd: PERSON.cccd, fullName: PERSON.fullName, birthDate: PERSON.birthDate });
    expect(printed.status).toBe(201);
    const code = await codeOf(printed);
    const response = await t.call('POST', '/api/auth/register', { body: { ...registration, code } });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: { id: string; role: string; fullName: string } };
    expect(user).toMatchObject({ role: 'citizen', fullName: PERSON.fullName });
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: registration.password } })).status).toBe(200);
    const messages = (await t.store.outbox.messages()).filter((m) => m.eventId.startsWith(`account.registered:${user.id}`));
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(messages[0]!.body).not.toContain(registration.password);
    expect((await t.store.accounts.auditBy(user.id)).map((e) => e.action)).toContain('account.register');
    // The code works once.
    expect(await errorCode(await t.call('POST', '/api/auth/register', { body: { ...registration, code, password: 'Khac!Pass2026' } }))).toBe('invalid_activation_code');
  });

  it('refuses a number alone: no code, a guessed code, a card the registry does not confirm, a citizen asking for a code', async () => {
    const unknown = SYNTHETIC_PEOPLE.filter((p) => !DEMO_USERS.some((u) => u.cccd === p.cccd))[1]!;
    expect((await t.call('POST', '/api/auth/register', { body: { ...registration, cccd: unknown.cccd, code: undefined } })).status).toBe(400);
    expect(await errorCode(await t.call('POST', '/api/auth/register', { body: { ...registration, cccd: unknown.cccd, code: '12345678' } }))).toBe('invalid_activation_code');
    expect(await errorCode(await activation({ cccd: unknown.cccd, fullName: 'Người Khác', birthDate: unknown.birthDate }))).toBe('identity_not_confirmed');
    const citizen = await t.call('POST', '/api/population/activation', { token: await t.token('062099000123'), body: unknown });
    expect(citizen.status).toBe(403);
  });

  it('lets the real owner take back a number with the desk’s code, ending the sessions of whoever held it', async () => {
    const held = (await (await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: registration.password } })).json()) as { refreshToken: string };
    const code = await codeOf(await activation({ cccd: PERSON.cccd, fullName: PERSON.fullName, birthDate: PERSON.birthDate }));
    // The contact given before gets no reset code while the owner's activation stands.
    await t.call('POST', '/api/auth/reset/request', { body: { username: NEW_CCCD } });
    expect((await t.call('POST', '/api/auth/register', { body: { ...registration, code, phone: '0905111222', email: null, password: 'Chu!That2026' } })).status).toBe(201);
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: held.refreshToken } })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: 'Chu!That2026' } })).status).toBe(200);
    registration.password = 'Chu!That2026';
    registration.phone = '0905111222';
  });

  it('refuses a weak password and no contact, keeping the code for a corrected form', async () => {
    const code = await codeOf(await activation({ cccd: PERSON.cccd, fullName: PERSON.fullName, birthDate: PERSON.birthDate }));
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...registration, code, password: 'abcdefgh' }, 422, 'weak_password'],
      [{ ...registration, code, password: `A!${NEW_CCCD}` }, 422, 'weak_password'],
      [{ ...registration, code, phone: null, email: null }, 422, 'missing_contact'],
    ];
    for (const [body, status, errorName] of cases) {
      const response = await t.call('POST', '/api/auth/register', { body });
      expect(response.status, errorName).toBe(status);
      expect(await errorCode(response)).toBe(errorName);
    }
    expect((await t.call('POST', '/api/auth/register', { body: { ...registration, code } })).status).toBe(201);
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: registration.password } })).status).toBe(200);
  });
});

describe('password reset by a one-time code', () => {
  it('sends a code through the outbox, sets the new password once and signs out everywhere', async () => {
    const old = (await (await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: registration.password } })).json()) as { refreshToken: string };
    expect((await t.call('POST', '/api/auth/reset/request', { body: { username: NEW_CCCD } })).status).toBe(202);
    expect((await t.call('POST', '/api/auth/reset/request', { body: { username: 'nobody' } })).status).toBe(202);
    const sms = (await t.store.outbox.messages()).filter((m) => m.eventId.startsWith('account.reset_code:') && m.channel === 'sms').at(-1)!;
    const code = /\b(\d{8})\b/.exec(sms.body)![1]!;
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const refused = await t.call('POST', '/api/auth/reset/confirm', { body: { username: NEW_CCCD, code: wrong, password: 'Moi!Pass2026' } });
    expect(await errorCode(refused)).toBe('invalid_reset_code');
    expect((await t.call('POST', '/api/auth/reset/confirm', { body: { username: NEW_CCCD, code, password: 'Moi!Pass2026' } })).status).toBe(204);
    expect((await t.call('POST', '/api/auth/reset/confirm', { body: { username: NEW_CCCD, code, password: 'Khac!Pass2026' } })).status).toBe(400);
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: old.refreshToken } })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: NEW_CCCD, password: 'Moi!Pass2026' } })).status).toBe(200);
  });
});

describe('sign-in limits and audit', () => {
  it('throttles failed logins per address across accounts', async () => {
    const tokens = createAccessTokens(t.jwtSecret);
    const sessions = createSessions({ store: t.store, tokens, log: silentLogger, addressThrottle: createLoginThrottle({ maxFailures: 3 }) });
    for (const name of ['a1', 'a2', 'a3']) await expect(sessions.login(name, 'x', { address: '10.0.0.9' })).rejects.toMatchObject({ status: 401 });
    await expect(sessions.login('quantri', 'Demo@2026', { address: '10.0.0.9' })).rejects.toMatchObject({ status: 429 });
    await expect(sessions.login('quantri', 'Demo@2026', { address: '10.0.0.10', deviceId: 'test-admin-pc' })).resolves.toHaveProperty('accessToken');
  });

  it('audits sign-in and failed sign-in', async () => {
    await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'chutich.dakla', password: 'wrong' } });
    await t.token('chutich.dakla');
    const actions = (await t.store.accounts.auditBy('u-chutich.dakla')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login']));
  });
});

describe('/api/admin', () => {
  it('lists, creates, changes the role of and disables officers in the admin’s agencies, audited', async () => {
    const admin = await t.token('quantri');
    const list = (await (await t.call('GET', '/api/admin/users', { token: admin })).json()) as { users: Array<{ username: string; passwordHash?: string }> };
    expect(list.users.map((u) => u.username)).toEqual(expect.arrayContaining(['motcua.dakla', 'motcua.dakmar']));
    expect(list.users[0]).not.toHaveProperty('passwordHash');
    const created = await t.call('POST', '/api/admin/users', {
      token: admin,
      body: { username: 'motcua2.dakla', fullName: 'Hà Văn Tư', role: 'receptionist', agencyId: '001.29.00.H34', password: 'Dak!La2026x' },
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    const before = (await (await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'motcua2.dakla', password: 'Dak!La2026x' } })).json()) as { accessToken: string };
    const promoted = await t.call('PATCH', `/api/admin/users/${user.id}`, { token: admin, body: { role: 'specialist' } });
    expect(((await promoted.json()) as { user: { role: string } }).user.role).toBe('specialist');
    const stale = await t.call('GET', '/api/auth/me', { token: before.accessToken });
    expect([stale.status, await errorCode(stale)]).toEqual([401, 'account_changed']);
    expect((await t.call('PATCH', `/api/admin/users/${user.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'motcua2.dakla', password: 'Dak!La2026x' } })).status).toBe(401);
    const trail = (await t.store.accounts.auditBy(user.id)).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['admin.user.create.receptionist', 'admin.user.role.receptionist->specialist', 'admin.user.disable']));
  });

  it('lists the service accounts of lower tiers as such: they can be locked, not re-roled', async () => {
    const admin = await t.token('quantri');
    const list = (await (await t.call('GET', '/api/admin/users', { token: admin })).json()) as { users: Array<{ id: string; username: string; service: boolean }> };
    const box = list.users.find((u) => u.username === 'tier.dakla')!;
    expect(box.service).toBe(true);
    expect(list.users.find((u) => u.username === 'motcua.dakla')!.service).toBe(false);
    const demoted = await t.call('PATCH', `/api/admin/users/${box.id}`, { token: admin, body: { role: 'receptionist' } });
    expect([demoted.status, await errorCode(demoted)]).toEqual([403, 'service_account']);
    expect((await t.call('PATCH', `/api/admin/users/${box.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'tier.dakla', password: 'Demo@2026' } })).status).toBe(401);
    expect((await t.call('PATCH', `/api/admin/users/${box.id}`, { token: admin, body: { disabled: false } })).status).toBe(200);
  });

  it('signs a user out everywhere', async () => {
    const login = async () => (await (await t.call('POST', '/api/auth/login', { headers: TEST_DEVICE, body: { username: 'motcua.dakmar', password: 'Demo@2026' } })).json()) as { accessToken: string; refreshToken: string };
    const [a, b] = [await login(), await login()];
    expect(await (await t.call('POST', '/api/auth/logout-all', { token: a.accessToken })).json()).toEqual({ revoked: 2 });
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: b.refreshToken } })).status).toBe(401);
  });
});

describe('password reset cannot be guessed or used to flood a phone', () => {
  it('counts failed codes across new requests, limits requests per account, and answers alike for unknown accounts', async () => {
    const request = (username: string) => t.call('POST', '/api/auth/reset/request', { body: { username } });
    const timed = async (username: string) => {
      const started = performance.now();
      expect((await request(username)).status).toBe(202);
      return performance.now() - started;
    };
    const [known, unknown] = [await timed('062301000456'), await timed('999999999999')];
    expect(Math.abs(known - unknown)).toBeLessThan(150);
    const wrongs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await t.call('POST', '/api/auth/reset/confirm', { body: { username: '062301000456', code: String(10_000_000 + i), password: 'Moi!Pass2026' } });
      wrongs.push(answer.status);
    }
    expect(wrongs).toEqual([400, 400, 400, 400, 400]);
    // A fresh code does not bring fresh tries: even the right one is refused now.
    expect((await request('062301000456')).status).toBe(202);
    const sms = (await t.store.outbox.messages()).filter((m) => m.eventId.startsWith('account.reset_code:') && m.channel === 'sms').at(-1)!;
    const code = /\b(\d{8})\b/.exec(sms.body)![1]!;
    expect((await t.call('POST', '/api/auth/reset/confirm', { body: { username: '062301000456', code, password: 'Moi!Pass2026' } })).status).toBe(400);
    // Three requests an hour for one account, whoever asks.
    expect((await request('062301000456')).status).toBe(202);
    expect((await request('062301000456')).status).toBe(429);
  });
});
