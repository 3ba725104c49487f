/**
 * Sign-in against `/api/auth`, with a session that survives a reload while offline.
 *
 * @remarks The user and the refresh token stay in `localStorage` (key `motcua.session`), so a
 * person on a shared commune PC stays signed in until "Đăng xuất" even with no network. The access
 * token (15 min) is kept with them so that several tabs share it; `getAccessToken()` refreshes it
 * when it is about to expire and answers `null` when it cannot (offline), which makes replication wait.
 * Refresh tokens rotate, so a refresh runs once at a time (and under a Web Lock across tabs).
 */
import type { SessionUser } from '@motcua/model';

export interface Session {
  user: SessionUser;
  refreshToken: string;
  accessToken: string | null;
  /** When the access token expires, ms since epoch. */
  accessExpiresAt: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AuthClientOptions {
  baseUrl: string;
  storage: KeyValueStorage;
  fetch: typeof fetch;
  now?: () => number;
  /** This device's id, sent as `X-Device-Id` so that an administrator can revoke the device. */
  deviceId?: () => string | null;
  /** Serializes refreshes across tabs; defaults to running the task directly. */
  withLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export type AuthErrorCode = 'invalid_credentials' | 'offline' | 'server' | 'bad_input' | 'device_revoked';

/** The server's error code for a request from a revoked device (401). */
export const DEVICE_REVOKED = 'device_revoked';
export const DEVICE_REVOKED_MESSAGE = 'Thiết bị này đã bị thu hồi quyền truy cập.';

/** A sign-in failure with a Vietnamese message fit to show. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
  expiresIn?: number;
}

export interface AuthClient {
  current(): Session | null;
  subscribe(listener: (session: Session | null) => void): () => void;
  login(username: string, password: string): Promise<Session>;
  /**
   * Rotates the refresh token; `null` when offline, clears the session when the server refuses it.
   * @param staleAccessToken an access token the server refused: a stored token equal to it is not reused.
   */
  refresh(staleAccessToken?: string | null): Promise<Session | null>;
  /** A valid access token, refreshed if needed; `null` offline or signed out. */
  getAccessToken(): Promise<string | null>;
  logout(): Promise<void>;
  /**
   * Signs in with no server, after the password was checked on the device (it unwrapped the
   * person's data key). The session has no tokens: replication waits until an online sign-in.
   */
  startOffline(user: SessionUser): Session;
  /**
   * Signs in with the server for the current offline session (same user, password kept in memory
   * by the caller). Does nothing if the session ended or changed meanwhile; answers whether the
   * session now has tokens.
   */
  resumeOnline(password: string): Promise<boolean>;
  /** Called with the user whose refresh the server refused because this device was revoked. */
  onDeviceRevoked(listener: (user: SessionUser) => void): () => void;
}

/** The server's `error.code` of a refused request, or null. */
export async function errorCodeOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : null;
  } catch {
    return null;
  }
}

export const SESSION_KEY = 'motcua.session';
/** Refresh this long before the access token expires. */
const EXPIRY_MARGIN_MS = 60_000;
const DEFAULT_LIFETIME_S = 15 * 60;

function readSession(storage: KeyValueStorage): Session | null {
  try {
    const raw = storage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.user || typeof parsed.refreshToken !== 'string') return null;
    return {
      user: parsed.user,
      refreshToken: parsed.refreshToken,
      accessToken: typeof parsed.accessToken === 'string' ? parsed.accessToken : null,
      accessExpiresAt: typeof parsed.accessExpiresAt === 'number' ? parsed.accessExpiresAt : 0,
    };
  } catch {
    return null;
  }
}

/** Builds an auth client over injected fetch, storage and clock (testable in Node). */
export function makeAuthClient(options: AuthClientOptions): AuthClient {
  const { baseUrl, storage } = options;
  const now = options.now ?? Date.now;
  const withLock = options.withLock ?? ((task) => task());
  const listeners = new Set<(session: Session | null) => void>();
  const revokedListeners = new Set<(user: SessionUser) => void>();
  let session = readSession(storage);
  let refreshing: Promise<Session | null> | null = null;

  function set(next: Session | null): void {
    session = next;
    if (next) storage.setItem(SESSION_KEY, JSON.stringify(next));
    else storage.removeItem(SESSION_KEY);
    for (const listener of listeners) listener(next);
  }

  function fromAnswer(answer: TokenAnswer): Session {
    return {
      user: answer.user,
      refreshToken: answer.refreshToken,
      accessToken: answer.accessToken,
      accessExpiresAt: now() + (answer.expiresIn ?? DEFAULT_LIFETIME_S) * 1000,
    };
  }

  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    return options.fetch(`${baseUrl}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...deviceHeader() },
      body: JSON.stringify(body),
      signal,
    });
  }

  function deviceHeader(): Record<string, string> {
    const id = options.deviceId?.();
    return id ? { 'X-Device-Id': id } : {};
  }

  function fresh(s: Session | null): s is Session & { accessToken: string } {
    return !!s && !!s.accessToken && s.accessExpiresAt - EXPIRY_MARGIN_MS > now();
  }

  async function doRefresh(stale: string | null): Promise<Session | null> {
    return withLock(async () => {
      // Another tab may have rotated the token while this one waited for the lock.
      const stored = readSession(storage);
      if (!stored) {
        if (session) set(null);
        return null;
      }
      if (fresh(stored) && stored.accessToken !== stale) {
        session = stored;
        return stored;
      }
      if (!stored.refreshToken) return null; // signed in offline: no token to refresh
      let response: Response;
      try {
        response = await post('refresh', { refreshToken: stored.refreshToken });
      } catch {
        return null; // offline: keep the session, try later
      }
      if (response.status === 401 || response.status === 403) {
        const revoked = (await errorCodeOf(response)) === DEVICE_REVOKED;
        set(null);
        if (revoked) for (const listener of revokedListeners) listener(stored.user);
        return null;
      }
      if (!response.ok) return null;
      const next = fromAnswer((await response.json()) as TokenAnswer);
      set(next);
      return next;
    });
  }

  function refresh(staleAccessToken: string | null = null): Promise<Session | null> {
    refreshing ??= doRefresh(staleAccessToken).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    current: () => session,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async login(username, password) {
      const name = username.trim();
      if (!name || !password) throw new AuthError('bad_input', 'Vui lòng nhập tên đăng nhập và mật khẩu.');
      let response: Response;
      try {
        response = await post('login', { username: name, password });
      } catch {
        throw new AuthError('offline', 'Không kết nối được máy chủ. Cần có mạng để đăng nhập lần đầu trên thiết bị này.');
      }
      if (response.status === 401 && (await errorCodeOf(response)) === DEVICE_REVOKED) {
        throw new AuthError('device_revoked', DEVICE_REVOKED_MESSAGE);
      }
      if (response.status === 401) {
        throw new AuthError('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      if (!response.ok) {
        throw new AuthError('server', `Máy chủ đang gặp sự cố (mã ${response.status}). Vui lòng thử lại sau.`);
      }
      const next = fromAnswer((await response.json()) as TokenAnswer);
      set(next);
      return next;
    },

    refresh,

    async getAccessToken() {
      const stored = readSession(storage) ?? session;
      if (fresh(stored)) return stored.accessToken;
      if (!session?.refreshToken) return null;
      const next = await refresh();
      return next?.accessToken ?? null;
    },

    async logout() {
      const ending = session;
      set(null);
      if (!ending?.refreshToken) return;
      try {
        await post('logout', { refreshToken: ending.refreshToken });
      } catch {
        // Offline: the token expires on its own; the device forgets it now.
      }
    },

    startOffline(user) {
      const next: Session = { user, refreshToken: '', accessToken: null, accessExpiresAt: 0 };
      set(next);
      return next;
    },

    async resumeOnline(password) {
      const before = session;
      if (!before || before.refreshToken) return !!before;
      let response: Response;
      try {
        response = await post('login', { username: before.user.username, password });
      } catch {
        return false;
      }
      if (response.status === 401 && (await errorCodeOf(response)) === DEVICE_REVOKED && session === before) {
        set(null);
        for (const listener of revokedListeners) listener(before.user);
        return false;
      }
      if (!response.ok) return false;
      const answer = (await response.json()) as TokenAnswer;
      if (session !== before || answer.user.id !== before.user.id) {
        // Unreachable: the stray session ends when its refresh token expires; this sign-in goes on regardless.
        await post('logout', { refreshToken: answer.refreshToken }).catch((error: unknown) => console.warn('stray session not signed out', error));
        return false;
      }
      set(fromAnswer(answer));
      return true;
    },

    onDeviceRevoked(listener) {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },
  };
}
