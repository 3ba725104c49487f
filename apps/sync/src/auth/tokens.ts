/**
 * Access tokens: JWT HS256, 15 minutes, carrying the `SessionUser`, its session (`sid`, the refresh
 * token family, so that signing out ends the access tokens at once) and, when the client named it,
 * the device (`did`). The secret lives in the database (generated at first start), never in the
 * repository. A token bound to a revoked device, or of an account disabled or given another role
 * since it was issued, is refused everywhere it is checked.
 */
import type { SessionUser } from '@motcua/model';
import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { unauthorized } from '../errors.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessTokens {
  /** `sessionId`: the refresh token family the token belongs to (a sign-out ends it). */
  issue(user: SessionUser, now?: Date, deviceId?: string | null, sessionId?: string | null): Promise<string>;
  /** The user a token names; throws 401 `token_expired`, `invalid_token` or `device_revoked`. */
  check(token: string, now?: Date): Promise<SessionUser>;
}

/** Why a well-signed token no longer stands. */
export type TokenRevocation = 'device_revoked' | 'account_changed' | 'session_ended';

export interface AccessTokenOptions {
  /** Asked on every check: is the token's device revoked, its session ended, or its account changed since issue? */
  revoked?: (user: SessionUser, deviceId: string | null, sessionId: string | null) => Promise<TokenRevocation | null>;
}

const REVOKED_MESSAGES: Record<TokenRevocation, string> = {
  device_revoked: 'Thiết bị này đã bị thu hồi, hãy liên hệ quản trị',
  account_changed: 'Tài khoản đã thay đổi (khóa hoặc đổi vai trò), hãy đăng nhập lại',
  session_ended: 'Phiên đăng nhập đã kết thúc (đã đăng xuất), hãy đăng nhập lại',
};

const ROLES = new Set(['citizen', 'receptionist', 'specialist', 'leader', 'admin']);

function userFrom(payload: Record<string, unknown>): SessionUser | null {
  const { sub, username, fullName, role, agencyId, cccd } = payload;
  if (typeof sub !== 'string' || typeof username !== 'string' || typeof fullName !== 'string') return null;
  if (typeof role !== 'string' || !ROLES.has(role)) return null;
  if (agencyId !== null && typeof agencyId !== 'string') return null;
  if (cccd !== null && typeof cccd !== 'string') return null;
  return { id: sub, username, fullName, role: role as SessionUser['role'], agencyId, cccd };
}

export function createAccessTokens(secret: string, options: AccessTokenOptions = {}): AccessTokens {
  return {
    issue(user, now = new Date(), deviceId = null, sessionId = null) {
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
          ...(deviceId ? { did: deviceId } : {}),
          ...(sessionId ? { sid: sessionId } : {}),
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
      const { did, sid } = payload;
      if ((did !== undefined && typeof did !== 'string') || (sid !== undefined && typeof sid !== 'string')) {
        throw unauthorized('invalid_token', 'Mã truy cập không hợp lệ');
      }
      const revoked = options.revoked
        ? await options.revoked(user, typeof did === 'string' ? did : null, typeof sid === 'string' ? sid : null)
        : null;
      if (revoked) throw unauthorized(revoked, REVOKED_MESSAGES[revoked]);
      return user;
    },
  };
}
