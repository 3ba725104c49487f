/**
 * The account administration API (`/api/admin`) for the "Quản lý tài khoản" screen: officers of
 * the admin's agencies, and the devices they signed in on.
 */
import { answerBody } from '../../lib/answerBody.ts';

export type OfficerRole = 'receptionist' | 'specialist' | 'leader' | 'admin';

export const ROLE_LABELS: Record<OfficerRole, string> = {
  receptionist: 'Một cửa (tiếp nhận)',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  admin: 'Quản trị',
};

export interface Account {
  id: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  agencyId: string;
  disabled: boolean;
  /** A lower tier's server signs in with it (commune LAN box, province): locking it stops that server's replication. */
  service: boolean;
}

export interface Device {
  id: string;
  lastUserId: string | null;
  lastSeen: string;
  revokedAt: string | null;
}

export interface NewAccount {
  username: string;
  fullName: string;
  role: OfficerRole;
  agencyId: string;
  password: string;
}

export interface AdminApi {
  accounts(): Promise<Account[]>;
  create(account: NewAccount): Promise<Account>;
  update(id: string, patch: { role?: OfficerRole; disabled?: boolean }): Promise<Account>;
  devices(): Promise<Device[]>;
  revokeDevice(id: string): Promise<void>;
}

/** A client over `fetch` with the signed-in officer's access token. */
export function makeAdminApi(getToken: () => Promise<string | null>, fetchFn: typeof fetch = fetch, baseUrl = ''): AdminApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await getToken();
    const response = await fetchFn(`${baseUrl}/api/admin${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await answerBody<T & { error?: { message?: string } }>(response);
    if (!response.ok) throw new Error(answer?.error?.message ?? `Lỗi ${response.status}`);
    return answer as T;
  }
  return {
    accounts: async () => (await call<{ users: Account[] }>('GET', '/users')).users,
    create: async (account) => (await call<{ user: Account }>('POST', '/users', account)).user,
    update: async (id, patch) => (await call<{ user: Account }>('PATCH', `/users/${encodeURIComponent(id)}`, patch)).user,
    devices: async () => (await call<{ devices: Device[] }>('GET', '/devices')).devices,
    revokeDevice: async (id) => {
      await call('POST', `/devices/${encodeURIComponent(id)}/revoke`, {});
    },
  };
}
