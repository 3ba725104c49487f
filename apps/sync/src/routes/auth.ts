/**
 * /api/auth: login (username = CCCD for citizens), refresh (rotating), logout, logout-all, me;
 * citizen self-registration and password reset by a one-time code. Login and refresh read the
 * `X-Device-Id` header and bind it into the tokens.
 */
import { Hono } from 'hono';
import type { Accounts } from '../auth/accounts.ts';
import { clientOf } from '../auth/client.ts';
import { requireUser, type AuthEnv } from '../auth/middleware.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { LoginThrottle } from '../auth/throttle.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { KB, expectNoBody, isRecord, limitBody, readJson, stringField } from '../http/body.ts';

function optionalString(body: unknown, name: string, max: number): string | null {
  const value = isRecord(body) ? body[name] : undefined;
  if (value === undefined || value === null || value === '') return null;
  return stringField(body, name, max).trim();
}

export function authRoutes(deps: {
  sessions: Sessions;
  tokens: AccessTokens;
  accounts: Accounts;
  registerThrottle: LoginThrottle;
  /** Reset requests, per account name and per client address (each request counts). */
  resetThrottles: { account: LoginThrottle; address: LoginThrottle };
}) {
  const { sessions, tokens, accounts } = deps;
  const app = new Hono<AuthEnv>();
  for (const path of ['/login', '/refresh', '/logout', '/logout-all', '/register', '/reset/request', '/reset/confirm']) {
    app.use(path, limitBody(16 * KB));
  }

  app.post('/login', async (c) => {
    const body = await readJson(c);
    const grant = await sessions.login(stringField(body, 'username', 128), stringField(body, 'password', 1024), clientOf(c));
    return c.json(grant);
  });

  app.post('/refresh', async (c) => {
    const body = await readJson(c);
    return c.json(await sessions.refresh(stringField(body, 'refreshToken', 256), clientOf(c)));
  });

  app.post('/logout', async (c) => {
    const body = await readJson(c);
    await sessions.logout(stringField(body, 'refreshToken', 256));
    return c.body(null, 204);
  });

  app.post('/logout-all', requireUser(tokens), async (c) => {
    await expectNoBody(c);
    const families = await sessions.logoutAll(c.get('user').id);
    return c.json({ revoked: families });
  });

  app.post('/register', async (c) => {
    const client = clientOf(c);
    const key = client.address ?? 'local';
    deps.registerThrottle.check(key);
    deps.registerThrottle.fail(key);
    const body = await readJson(c);
    const record = await accounts.register({
      cccd: stringField(body, 'cccd', 12).trim(),
      code: stringField(body, 'code', 16).trim(),
      phone: optionalString(body, 'phone', 16),
      email: optionalString(body, 'email', 254),
      password: stringField(body, 'password', 256),
    });
    return c.json({ user: { id: record.id, username: record.username, fullName: record.fullName, role: record.role } }, 201);
  });

  app.post('/reset/request', async (c) => {
    const body = await readJson(c);
    const username = stringField(body, 'username', 128);
    // Whoever asks, for any name: a few codes an hour for an account, a few dozen from one address.
    const { account, address } = deps.resetThrottles;
    const [name, from] = [username.trim().toLowerCase(), clientOf(c).address ?? 'local'];
    account.check(name);
    address.check(from);
    account.fail(name);
    address.fail(from);
    await accounts.requestReset(username);
    return c.json({ sent: true }, 202);
  });

  app.post('/reset/confirm', async (c) => {
    const body = await readJson(c);
    await accounts.confirmReset(stringField(body, 'username', 128), stringField(body, 'code', 16), stringField(body, 'password', 256));
    return c.body(null, 204);
  });

  app.get('/me', requireUser(tokens), (c) => c.json({ user: c.get('user') }));
  return app;
}
