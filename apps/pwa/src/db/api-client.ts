/**
 * Authenticated requests to the sync server, shared by replication, streams and file transfer.
 * It also keeps `online$`: whether the server answered the last attempt.
 * @module
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { HttpError, OfflineError, UnauthorizedError } from './errors.ts';

/**
 * Gives the current access token; with `{ refresh: true }` the previous one was refused (401), so
 * a new one should be fetched. Answers `null` when there is none (signed out, or offline).
 */
export type GetAccessToken = (options?: { refresh?: boolean }) => string | null | Promise<string | null>;

export interface ApiClientOptions {
  baseUrl: string;
  getAccessToken: GetAccessToken;
  fetch?: typeof fetch;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** True once the server answered, false after a network failure. */
  readonly online$: Observable<boolean>;
  isOnline(): boolean;
  /** Marks the server reachable or not (streams report here too). */
  setOnline(online: boolean): void;
  /**
   * Sends a request with `Authorization: Bearer`; on 401 asks for a fresh token and tries once more.
   * Resolves with any response but 401; throws `OfflineError` when the network fails or there is no
   * token, `UnauthorizedError` when the fresh token is refused too.
   */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Like `request`, and throws `HttpError` unless the status is 2xx; parses the JSON body. */
  json<T>(path: string, init?: RequestInit): Promise<T>;
}

/** Creates a client for `baseUrl` (e.g. `https://motcua.kontum.gov.vn`, or '' for same origin). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const online = new BehaviorSubject(false);

  async function attempt(path: string, init: RequestInit, token: string | null): Promise<Response> {
    if (token === null) throw new OfflineError();
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    try {
      const response = await doFetch(baseUrl + path, { ...init, headers });
      if (!online.value) online.next(true);
      return response;
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      if (online.value) online.next(false);
      throw new OfflineError({ cause });
    }
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const first = await attempt(path, init, await options.getAccessToken());
    if (first.status !== 401) return first;
    // The refused answer's body is not read; a failed cancel only leaves it to the garbage collector.
    await first.body?.cancel().catch(() => undefined);
    const fresh = await options.getAccessToken({ refresh: true });
    if (fresh === null) throw new UnauthorizedError();
    const second = await attempt(path, init, fresh);
    if (second.status === 401) {
      // As above: the refused body is not read.
      await second.body?.cancel().catch(() => undefined);
      throw new UnauthorizedError();
    }
    return second;
  }

  return {
    baseUrl,
    online$: online.asObservable(),
    isOnline: () => online.value,
    setOnline: (value) => {
      if (online.value !== value) online.next(value);
    },
    request,
    async json<T>(path: string, init?: RequestInit): Promise<T> {
      const response = await request(path, init);
      if (!response.ok) throw await httpError(response, path);
      return (await response.json()) as T;
    },
  };
}

/** Reads the server's `{ error: { code, message } }` body into an `HttpError`. */
export async function httpError(response: Response, path: string): Promise<HttpError> {
  let code = 'http_' + response.status;
  let message = response.statusText || 'Máy chủ từ chối yêu cầu';
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status text
  }
  return new HttpError(response.status, code, message, path);
}
