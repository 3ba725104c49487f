/**
 * /api/auth: login (username = CCCD for citizens), refresh (rotating), logout, me.
 */
import { Hono } from 'hono';
import { requireUser, type AuthEnv } from '../auth/middleware.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { KB, limitBody, readJson, stringField } from '../http/body.ts';

export function authRoutes(deps: { sessions: Sessions; tokens: AccessTokens }) {
  const { sessions, tokens } = deps;
  const app = new Hono<AuthEnv>();
  app.use('/login', limitBody(16 * KB));
  app.use('/refresh', limitBody(16 * KB));
  app.use('/logout', limitBody(16 * KB));

  app.post('/login', async (c) => {
    const body = await readJson(c);
    const grant = await sessions.login(stringField(body, 'username', 128), stringField(body, 'password', 1024));
    return c.json(grant);
  });

  app.post('/refresh', async (c) => {
    const body = await readJson(c);
    return c.json(await sessions.refresh(stringField(body, 'refreshToken', 256)));
  });

  app.post('/logout', async (c) => {
    const body = await readJson(c);
    await sessions.logout(stringField(body, 'refreshToken', 256));
    return c.body(null, 204);
  });

  app.get('/me', requireUser(tokens), (c) => c.json({ user: c.get('user') }));
  return app;
}
