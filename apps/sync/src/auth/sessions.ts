/**
 * Login, refresh and logout. Refresh tokens are random, stored hashed, single-use and rotate; a
 * reused token revokes its whole family (it was stolen, or replayed).
 */
import type { SessionUser } from '@motcua/model';
import { randomToken, sha256Hex, verifyPassword } from '@motcua/crypto';
import { unauthorized } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SyncStore, UserRecord } from '../store/types.ts';
import { createLoginThrottle, type LoginThrottle } from './throttle.ts';
import { ACCESS_TOKEN_SECONDS, type AccessTokens } from './tokens.ts';

export const REFRESH_TOKEN_DAYS = 30;

export interface SessionGrant {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
  expiresIn: number;
}

/** A valid hash of a password nobody has, so unknown usernames cost the same time as known ones. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bW90Y3VhLWR1bW15LXNhbHQ$KCxAcBrj4i6BJRNXef6Sq53ZovY2l+re/qb/9zNw3pg';

export function sessionUser(record: UserRecord): SessionUser {
  const { id, username, fullName, role, agencyId, cccd } = record;
  return { id, username, fullName, role, agencyId, cccd };
}

const invalidCredentials = () => unauthorized('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng');
const invalidRefresh = () => unauthorized('invalid_refresh_token', 'Phiên đăng nhập không còn hiệu lực, hãy đăng nhập lại');

export function createSessions(deps: { store: SyncStore; tokens: AccessTokens; log: Logger; throttle?: LoginThrottle }) {
  const { store, tokens, log } = deps;
  const throttle = deps.throttle ?? createLoginThrottle();

  async function grant(record: UserRecord, familyId: string): Promise<SessionGrant> {
    const refreshToken = randomToken(32);
    await store.refreshTokens.insert({
      tokenHash: await sha256Hex(refreshToken),
      userId: record.id,
      familyId,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
    });
    const user = sessionUser(record);
    return { accessToken: await tokens.issue(user), refreshToken, user, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  return {
    async login(username: string, password: string): Promise<SessionGrant> {
      const key = username.trim().toLowerCase();
      throttle.check(key);
      const record = await store.users.byUsername(username.trim());
      const ok = await verifyPassword(password, record?.passwordHash ?? DUMMY_HASH);
      if (!record || !ok || record.disabled) {
        throttle.fail(key);
        log.info('login refused', { username: username.slice(0, 64) });
        throw invalidCredentials();
      }
      throttle.succeed(key);
      log.info('login', { userId: record.id });
      return grant(record, randomToken(16));
    },

    async refresh(refreshToken: string): Promise<SessionGrant> {
      const use = await store.refreshTokens.use(await sha256Hex(refreshToken));
      if (use.status === 'reused') {
        await store.refreshTokens.revokeFamily(use.familyId);
        log.warn('refresh token reused; family revoked', { userId: use.userId });
        throw invalidRefresh();
      }
      if (use.status !== 'ok') throw invalidRefresh();
      const record = await store.users.byId(use.userId);
      if (!record || record.disabled) throw invalidRefresh();
      return grant(record, use.familyId);
    },

    async logout(refreshToken: string): Promise<void> {
      const familyId = await store.refreshTokens.familyOf(await sha256Hex(refreshToken));
      if (familyId) await store.refreshTokens.revokeFamily(familyId);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
