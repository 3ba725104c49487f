/**
 * `requireUser`: every /api route but health and login wants `Authorization: Bearer <token>`.
 */
import type { SessionUser } from '@motcua/model';
import { createMiddleware } from 'hono/factory';
import { unauthorized } from '../errors.ts';
import type { AccessTokens } from './tokens.ts';

export type AuthEnv = { Variables: { user: SessionUser } };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export function requireUser(tokens: AccessTokens) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw unauthorized('missing_token', 'Cần đăng nhập (thiếu mã truy cập)');
    c.set('user', await tokens.check(token));
    await next();
  });
}
