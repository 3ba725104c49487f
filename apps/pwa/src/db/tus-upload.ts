/**
 * One resumable upload with the tus protocol (tus-js-client): the bytes go up in chunks to
 * `/api/uploads`, through the `ApiClient` (so the access token is added and refreshed), and the
 * upload URL is kept under the file's SHA-256 so that a dropped link or a closed tab resumes from
 * the last byte the server holds.
 * @module
 */
import { Upload, type DetailedError, type HttpRequest, type HttpResponse, type HttpStack } from 'tus-js-client';
import type { ApiClient } from './api-client.ts';
import { OfflineError } from './errors.ts';

export const UPLOADS_PATH = '/api/uploads';
/** Bytes per PATCH: small enough that a cut costs little on a slow link. */
export const CHUNK_BYTES = 512 * 1024;

/** Where upload URLs are remembered between page loads (browser: localStorage). */
export interface UploadUrlMemory {
  get(key: string): string | null;
  set(key: string, url: string): void;
  delete(key: string): void;
}

const memoryMap = new Map<string, string>();
const inMemory: UploadUrlMemory = {
  get: (k) => memoryMap.get(k) ?? null,
  set: (k, v) => void memoryMap.set(k, v),
  delete: (k) => void memoryMap.delete(k),
};

/** localStorage when the page has it, else memory (Node tests). */
export function defaultUploadMemory(): UploadUrlMemory {
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  if (!storage) return inMemory;
  return {
    get: (k) => storage.getItem(`motcua.upload.${k}`),
    set: (k, v) => storage.setItem(`motcua.upload.${k}`, v),
    delete: (k) => storage.removeItem(`motcua.upload.${k}`),
  };
}

/** tus-js-client's HTTP over `ApiClient.request`. */
function apiHttpStack(client: ApiClient): HttpStack {
  const toPath = (url: string) => {
    if (client.baseUrl && url.startsWith(client.baseUrl)) return url.slice(client.baseUrl.length);
    const u = new URL(url, 'http://local');
    return u.pathname + u.search;
  };
  return {
    getName: () => 'motcua-api',
    createRequest(method, url): HttpRequest {
      const headers = new Headers();
      const abort = new AbortController();
      return {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (h, v) => headers.set(h, v),
        getHeader: (h) => headers.get(h) ?? undefined,
        setProgressHandler: () => undefined,
        async send(body: Blob | null): Promise<HttpResponse> {
          const response = await client.request(toPath(url), { method, headers, body: body ?? null, signal: abort.signal });
          const text = method === 'HEAD' ? '' : await response.text();
          return {
            getStatus: () => response.status,
            getHeader: (h) => response.headers.get(h) ?? undefined,
            getBody: () => text,
            getUnderlyingObject: () => response,
          };
        },
        abort: async () => abort.abort(),
        getUnderlyingObject: () => null,
      };
    },
  };
}

/** Reads a Blob in slices (the same in browsers and Node). */
const blobReader = {
  async openFile(input: Blob) {
    return {
      size: input.size,
      slice: async (start: number, end: number) => ({ value: input.slice(start, Math.min(end, input.size)), done: end >= input.size }),
      close: () => undefined,
    };
  },
};

export interface TusResult {
  status: number;
  body: string;
}

/** A refusal the server will repeat: don't retry it. */
export class UploadRefusedError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`upload refused (${status})`);
    this.name = 'UploadRefusedError';
  }
}

/**
 * Uploads `data` resumably; resolves with the final response. Rejects with `UploadRefusedError`
 * for a 4xx refusal, `OfflineError` when the server cannot be reached.
 */
export function tusUpload(
  client: ApiClient,
  data: Blob,
  file: { sha256: string; name: string; mime: string },
  options: { signal?: AbortSignal; memory?: UploadUrlMemory; chunkSize?: number } = {},
): Promise<TusResult> {
  const memory = options.memory ?? defaultUploadMemory();
  const endpoint = `${client.baseUrl || (globalThis as { location?: Location }).location?.origin || ''}${UPLOADS_PATH}`;
  return new Promise<TusResult>((resolve, reject) => {
    const upload = new Upload(data, {
      endpoint,
      uploadUrl: memory.get(file.sha256),
      httpStack: apiHttpStack(client),
      fileReader: blobReader as never,
      chunkSize: options.chunkSize ?? CHUNK_BYTES,
      retryDelays: [0, 1000, 3000],
      metadata: { filename: file.name, filetype: file.mime },
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        if (upload.url) memory.set(file.sha256, upload.url);
      },
      onShouldRetry: (error) => !(error.originalResponse && error.originalResponse.getStatus() < 500 && error.originalResponse.getStatus() !== 409 && error.originalResponse.getStatus() !== 423),
      onSuccess: ({ lastResponse }) => {
        memory.delete(file.sha256);
        resolve({ status: lastResponse.getStatus(), body: lastResponse.getBody() });
      },
      onError: (error) => {
        const detailed = error as DetailedError;
        const status = detailed.originalResponse?.getStatus();
        if (status === 404 || status === 410) memory.delete(file.sha256);
        if (status !== undefined && status >= 400 && status < 500) reject(new UploadRefusedError(status, detailed.originalResponse!.getBody()));
        else if (detailed.causingError instanceof OfflineError || status === undefined) reject(new OfflineError({ cause: error }));
        else reject(error);
      },
    });
    options.signal?.addEventListener('abort', () => void upload.abort());
    upload.start();
  });
}
