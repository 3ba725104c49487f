/**
 * The routes the suites attack, read from the app itself (Hono's `inspectRoutes`), so that a route
 * added to the server is attacked as soon as it exists: it wants a token unless it is declared
 * public here, and if it takes a JSON body it must have a prototype-key attack.
 */
import { collectionNames } from '@motcua/model';
import type { Hono } from 'hono';
import { inspectRoutes } from 'hono/dev';
import { AN } from './context.ts';

/** `METHOD /path` as the app declares it (`ALL` for a handler of every method). */
export type RouteKey = string;

/** Routes anyone may call without a token. */
export const PUBLIC_ROUTES: ReadonlySet<RouteKey> = new Set([
  'GET /api/health', 'GET /api/pki/ca.pem', 'GET /api/pki/ca.cer', 'POST /api/public/lookup', 'POST /api/auth/login',
  'POST /api/auth/refresh', 'POST /api/auth/logout', 'POST /api/auth/register', 'POST /api/auth/reset/request', 'POST /api/auth/reset/confirm',
]);

/** Routes whose body is bytes (a file, a tus upload), not JSON. */
export const RAW_BODY_ROUTES: ReadonlySet<RouteKey> = new Set(['POST /api/files', 'ALL /api/uploads', 'ALL /api/uploads/*']);

/** The app's handler routes (middleware left out), each once. */
export function appRoutes(app: Hono): RouteKey[] {
  const keys = inspectRoutes(app).filter((r) => !r.isMiddleware).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

/** True for a route that takes a JSON body. */
export const takesJson = (key: RouteKey): boolean => /^(POST|PUT|PATCH|DELETE) /.test(key) && !RAW_BODY_ROUTES.has(key);

const PARAMS: Record<string, string[]> = {
  collection: [...collectionNames],
  sha256: ['a'.repeat(64)],
  cccd: [AN],
  id: ['u-motcua.dakla'],
};

/** What a tus client sends with a chunk, so that only the missing token can refuse it. */
const TUS_CHUNK = { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' };
const TUS_CREATE = { 'Tus-Resumable': '1.0.0', 'Upload-Length': '1' };

export type RouteRequest = [method: string, path: string, body: unknown, headers: Record<string, string>];

/** Concrete requests for a declared route: parameters filled in, `ALL` and `GET` as the methods a client would use. */
export function requestsFor(key: RouteKey): RouteRequest[] {
  const [declared, pattern] = key.split(' ') as [string, string];
  let paths = [pattern.replace(/\/\*$/, '/sec-upload-1')];
  for (const [name, values] of Object.entries(PARAMS)) {
    paths = paths.flatMap((p) => (p.includes(`:${name}`) ? values.map((v) => p.replace(`:${name}`, v)) : [p]));
  }
  const methods = declared === 'ALL' ? (pattern.endsWith('*') ? ['HEAD', 'PATCH', 'DELETE'] : ['POST']) : declared === 'GET' ? ['GET', 'HEAD'] : [declared];
  const bodyOf = (method: string, path: string) => {
    if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return undefined;
    if (RAW_BODY_ROUTES.has(key)) return pattern === '/api/files' ? 'x' : method === 'PATCH' ? 'x' : '';
    return path.endsWith('/push') ? [] : {};
  };
  const headersOf = (method: string) => (!pattern.startsWith('/api/uploads') ? {} : method === 'PATCH' ? TUS_CHUNK : TUS_CREATE);
  return paths.flatMap((path) => methods.map((method): RouteRequest => [method, path, bodyOf(method, path), headersOf(method)]));
}
