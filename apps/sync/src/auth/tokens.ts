/**
 * Access tokens: JWT HS256, 15 minutes, carrying the `SessionUser`. The secret lives in the
 * database (generated at first start), never in the repository.
 */
import type { SessionUser } from '@motcua/model';
import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { unauthorized } from '../errors.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessTokens {
  issue(user: SessionUser, now?: Date): Promise<string>;
  /** The user a token names; throws 401 `token_expired` or `invalid_token`. */
  check(token: string, now?: Date): Promise<SessionUser>;
}

const ROLES = new Set(['citizen', 'receptionist', 'specialist', 'leader', 'admin']);

function userFrom(payload: Record<string, unknown>): SessionUser | null {
  const { sub, username, fullName, role, agencyId, cccd } = payload;
  if (typeof sub !== 'string' || typeof username !== 'string' || typeof fullName !== 'string') return null;
  if (typeof role !== 'string' || !ROLES.has(role)) return null;
  if (agencyId !== null && typeof agencyId !== 'string') return null;
  if (cccd !== null && typeof cccd !== 'string') return null;
  return { id: sub, username, fullName, role: role as SessionUser['role'], agencyId, cccd };
}

export function createAccessTokens(secret: string): AccessTokens {
  return {
    issue(user, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      return sign(
        {
          sub: user.id,
          username: user.username,
          fullName: user.fullName,
          role: user.role,
          agencyId: user.agencyId,
          cccd: user.cccd,
          typ: 'access',
          iat,
          exp: iat + ACCESS_TOKEN_SECONDS,
        },
        secret,
        'HS256',
      );
    },
    async check(token) {
      let payload: Record<string, unknown>;
      try {
        payload = await verify(token, secret, 'HS256');
      } catch (error) {
        if (error instanceof JwtTokenExpired) throw unauthorized('token_expired', 'Phiên đăng nhập đã hết hạn');
        throw unauthorized('invalid_token', 'Mã truy cập không hợp lệ');
      }
      const user = payload.typ === 'access' ? userFrom(payload) : null;
      if (!user) throw unauthorized('invalid_token', 'Mã truy cập không hợp lệ');
      return user;
    },
  };
}
