/**
 * Login, refresh and logout. Refresh tokens are random, stored hashed, single-use and rotate; a
 * reused token revokes its whole family (it was stolen, or replayed). Logins are throttled per
 * account and per address; a device id given by the client is bound into the tokens, so revoking
 * the device ends them. Sign-ins, failures and sign-outs everywhere go to the audit log.
 */
import type { SessionUser } from '@motcua/model';
import { randomToken, sha256Hex, verifyPassword } from '@motcua/crypto';
import { badRequest, unauthorized } from '../errors.ts';
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
const deviceRevoked = () => unauthorized('device_revoked', 'Thiết bị này đã bị thu hồi, hãy liên hệ quản trị');
const deviceRequired = () => badRequest('device_required', 'Thiết bị của cán bộ phải gửi mã thiết bị (X-Device-Id) khi đăng nhập');
const invalidRefresh = () => unauthorized('invalid_refresh_token', 'Phiên đăng nhập không còn hiệu lực, hãy đăng nhập lại');

/** Where a login or refresh comes from: the client's device id (if sent) and address (if known). */
export interface ClientContext {
  deviceId?: string | null;
  address?: string | null;
}

export function createSessions(deps: {
  store: SyncStore;
  tokens: AccessTokens;
  log: Logger;
  throttle?: LoginThrottle;
  /** Failed logins per client address (many accounts tried from one place). */
  addressThrottle?: LoginThrottle;
  /** Called when sessions were ended (sign-out, a reused refresh token): live streams recheck now. */
  onEnded?: () => void;
}) {
  const { store, tokens, log } = deps;
  const throttle = deps.throttle ?? createLoginThrottle();
  const addressThrottle = deps.addressThrottle ?? createLoginThrottle({ maxFailures: 50 });
  const audit = (userId: string, action: string, subject: string) => store.warehouse.audit({ userId, action, subject });

  async function checkDevice(ctx: ClientContext): Promise<void> {
    if (ctx.deviceId && (await store.accounts.isDeviceRevoked(ctx.deviceId))) throw deviceRevoked();
  }

  async function grant(record: UserRecord, familyId: string, ctx: ClientContext): Promise<SessionGrant> {
    const refreshToken = randomToken(32);
    const deviceId = ctx.deviceId ?? null;
    if (deviceId) await store.accounts.touchDevice(deviceId, record.id, record.role === 'citizen' ? null : record.agencyId);
    await store.refreshTokens.insert({
      tokenHash: await sha256Hex(refreshToken),
      userId: record.id,
      familyId,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
      deviceId,
    });
    const user = sessionUser(record);
    return { accessToken: await tokens.issue(user, new Date(), deviceId, familyId), refreshToken, user, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  return {
    async login(username: string, password: string, ctx: ClientContext = {}): Promise<SessionGrant> {
      const key = username.trim().toLowerCase();
      const address = ctx.address ?? null;
      throttle.check(key);
      if (address) addressThrottle.check(address);
      const record = await store.users.byUsername(username.trim());
      const ok = await verifyPassword(password, record?.passwordHash ?? DUMMY_HASH);
      if (!record || !ok || record.disabled) {
        throttle.fail(key);
        if (address) addressThrottle.fail(address);
        // Not the typed name: people type passwords into the username field.
        log.info('login refused', { userId: record?.id ?? null });
        await audit(record?.id ?? '-', 'auth.login_failed', username.trim().slice(0, 128));
        throw invalidCredentials();
      }
      // An officer's device is named, so that revoking it ends its sessions for good.
      if (record.role !== 'citizen' && !ctx.deviceId) throw deviceRequired();
      await checkDevice(ctx);
      throttle.succeed(key);
      log.info('login', { userId: record.id });
      await audit(record.id, 'auth.login', ctx.deviceId ? `device:${ctx.deviceId}` : record.id);
      return grant(record, randomToken(16), ctx);
    },

    /** Revokes every refresh token family of the user: every device must sign in again. */
    async logoutAll(userId: string): Promise<number> {
      const families = await store.accounts.revokeAllTokens(userId);
      deps.onEnded?.();
      await audit(userId, 'auth.logout_all', userId);
      return families;
    },

    async refresh(refreshToken: string, ctx: ClientContext = {}): Promise<SessionGrant> {
      await checkDevice(ctx);
      const use = await store.refreshTokens.use(await sha256Hex(refreshToken));
      if (use.status === 'reused') {
        await store.refreshTokens.revokeFamily(use.familyId);
        deps.onEnded?.();
        log.warn('refresh token reused; family revoked', { userId: use.userId });
        throw invalidRefresh();
      }
      if (use.status !== 'ok') throw invalidRefresh();
      const record = await store.users.byId(use.userId);
      if (!record || record.disabled) throw invalidRefresh();
      // The session stays bound to the device it began on, whatever the refresh leaves out.
      const deviceId = use.deviceId ?? ctx.deviceId ?? null;
      await checkDevice({ deviceId });
      return grant(record, use.familyId, { ...ctx, deviceId });
    },

    async logout(refreshToken: string): Promise<void> {
      const familyId = await store.refreshTokens.familyOf(await sha256Hex(refreshToken));
      if (!familyId) return;
      await store.refreshTokens.revokeFamily(familyId);
      deps.onEnded?.();
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
