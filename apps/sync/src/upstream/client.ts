/**
 * The parent tier, as an HTTP client of the same replication protocol the browsers use: sign in
 * with this tier's service account, pull by checkpoint, push with the assumed master state.
 * @module
 */
import type { CollectionName, SessionUser } from '@motcua/model';
import type { WireDocument } from '../sync/documents.ts';


/** The device id a tier's server signs in to its parent with (`sync/decided-below.ts` looks for it). */
export const TIER_DEVICE_PREFIX = 'tier-';
export const tierDeviceId = (username: string) => `${TIER_DEVICE_PREFIX}${username.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 64);

export interface UpstreamCredentials {
  username: string;
  password: string;
}

export interface PushRow {
  assumedMasterState: WireDocument | null;
  newDocumentState: WireDocument;
}

/** The parent could not be reached or answered with an error; the loop retries later. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(message: string, readonly status: number | null, readonly code: string | null = null) {
    super(message);
  }
}

export interface UpstreamClient {
  /** The service account as the parent knows it (signs in when needed). */
  account(): Promise<SessionUser>;
  pull(collection: CollectionName, afterSeq: number, limit: number): Promise<{ documents: WireDocument[]; checkpoint: { seq: number } | null }>;
  /** A signed-in GET of another endpoint of the parent (JSON answer). */
  get(path: string): Promise<unknown>;
  /** Returns the parent's masters for the rows that conflict. */
  push(collection: CollectionName, rows: PushRow[]): Promise<WireDocument[]>;
}

/**
 * A client of `baseUrl` signed in as `credentials`; it signs in lazily and again when the parent
 * says the token expired.
 */
export function createUpstreamClient(baseUrl: string, credentials: UpstreamCredentials, fetchFn: typeof fetch = fetch): UpstreamClient {
  const root = baseUrl.replace(/\/+$/, '');
  let token: string | null = null;
  let user: SessionUser | null = null;

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetchFn(`${root}${path}`, { ...init, signal: init.signal ?? AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new UpstreamError(`upstream unreachable: ${(error as Error).message}`, null);
    }
  }

  async function signIn(): Promise<string> {
    const res = await call('/api/auth/login', {
      method: 'POST',
      // The tier's server is the device its service account signs in from: revoking it stops the relay.
      headers: { 'content-type': 'application/json', 'x-device-id': tierDeviceId(credentials.username) },
      body: JSON.stringify(credentials),
    });
    if (!res.ok) throw await failure(res);
    const body = (await res.json()) as { accessToken: string; user: SessionUser };
    user = body.user;
    return body.accessToken;
  }

  async function authed(path: string, init: RequestInit = {}): Promise<unknown> {
    for (let attempt = 0; attempt < 2; attempt++) {
      token ??= await signIn();
      const res = await call(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
      if (res.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      if (!res.ok) throw await failure(res);
      return res.json();
    }
    throw new UpstreamError('upstream refused the service account', 401);
  }

  return {
    async account() {
      if (!user) token = await signIn();
      return user!;
    },
    get: (path) => authed(path),
    async pull(collection, afterSeq, limit) {
      const checkpoint = encodeURIComponent(JSON.stringify({ seq: afterSeq }));
      return authed(`/api/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`) as ReturnType<UpstreamClient['pull']>;
    },
    async push(collection, rows) {
      return authed(`/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      }) as Promise<WireDocument[]>;
    },
  };
}

async function failure(res: Response): Promise<UpstreamError> {
  // A body that is not JSON (a proxy's error page) leaves the status to say what failed.
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new UpstreamError(`upstream ${res.status}: ${body?.error?.message ?? res.statusText}`, res.status, body?.error?.code ?? null);
}
