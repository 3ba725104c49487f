/**
 * Whether a well-signed access token still stands: its device is not revoked, its session not
 * ended (signed out), and its account is still enabled with the role and agency the token names. Checked on every request, so revoking a
 * device, locking an account or changing a role takes effect at once, not when the token expires.
 */
import type { SessionUser } from '@motcua/model';
import type { SyncStore } from '../store/types.ts';
import type { TokenRevocation } from './tokens.ts';

export function tokenRevocation(store: Pick<SyncStore, 'users' | 'accounts' | 'refreshTokens'>) {
  return async (user: SessionUser, deviceId: string | null, sessionId: string | null): Promise<TokenRevocation | null> => {
    if (deviceId && (await store.accounts.isDeviceRevoked(deviceId))) return 'device_revoked';
    const record = await store.users.byId(user.id);
    if (!record || record.disabled || record.role !== user.role || record.agencyId !== user.agencyId) return 'account_changed';
    if (sessionId && (await store.refreshTokens.isFamilyRevoked(sessionId))) return 'session_ended';
    return null;
  };
}
