/**
 * Response headers that make the browser enforce what the server means: a strict
 * Content-Security-Policy the built PWA runs under (no inline scripts; blob: and data: only where
 * PDFs, scans and the camera need them), HSTS when the request came over TLS (directly or through
 * a proxy that says `X-Forwarded-Proto: https`), no MIME sniffing, no framing; a CORS policy that
 * allows the page's own origin only unless `CORS_ORIGINS` names others; and a default body-size
 * limit for every API route that has no limit of its own.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { KB, limitBody } from './body.ts';

/** The policy, directive by directive (`'wasm-unsafe-eval'` lets the PWA compile WebAssembly, never eval). */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // blob:/data: are the page's own bytes (a receipt or scan re-read with fetch), never the network.
  connectSrc: ["'self'", 'blob:', 'data:'],
  workerSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/** CSP, nosniff, X-Frame-Options DENY, referrer policy; HSTS only over TLS. */
export function securityHeaders(): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: 'DENY',
  });
  return async (c, next) => {
    await base(c, async () => {
      await next();
      const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() ?? new URL(c.req.url).protocol.replace(':', '');
      if (proto === 'https') c.header('Strict-Transport-Security', HSTS);
      c.header('X-Content-Type-Options', 'nosniff');
    });
  };
}

/**
 * CORS for /api: same origin needs no header; an origin in `allowed` gets one (no credentials:
 * the API uses bearer tokens, never cookies). Other origins get no CORS headers, so the browser
 * keeps their pages from reading any answer.
 */
export function corsPolicy(allowed: readonly string[]): MiddlewareHandler {
  const set = new Set(allowed);
  return cors({
    origin: (origin) => (set.has(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Device-Id', 'X-File-Name', 'Tus-Resumable', 'Upload-Length', 'Upload-Offset', 'Upload-Metadata'],
    exposeHeaders: ['Location', 'Upload-Offset', 'Upload-Length', 'Tus-Resumable', 'Content-Disposition'],
    maxAge: 600,
  });
}

/** Routes that stream or limit their bodies themselves (files, resumable uploads, sync push). */
const OWN_LIMIT = [/^\/api\/files(\/|$)/, /^\/api\/uploads(\/|$)/, /^\/api\/sync\/[^/]+\/push$/];

/** A 64 KB default limit for every other API body (checked on Content-Length and while streaming). */
export function defaultBodyLimit(maxSize = 64 * KB): MiddlewareHandler {
  const limit = limitBody(maxSize);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || OWN_LIMIT.some((re) => re.test(c.req.path))) return next();
    return limit(c, next);
  };
}
