/**
 * Serves the built PWA: hashed `/assets/*` cached for a year, the shell (index.html, sw.js, the
 * manifest) and everything else revalidated, and every other non-API GET answered with index.html
 * so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
/** A missing static file is a 404, not the app shell (dossier codes in routes have dots, so list types). */
const STATIC_FILE = /^\/assets\/|\.(?:js|mjs|css|map|png|jpe?g|svg|ico|webmanifest|json|wasm|woff2?|ttf|txt|xml)$/i;

export function pwaRoutes(pwaDir: string) {
  const app = new Hono();
  const index = join(pwaDir, 'index.html');
  app.use('*', async (c, next) => {
    await next();
    if (isApi(c.req.path) || c.res.status >= 400) return;
    c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
  });
  app.use('*', serveStatic({ root: pwaDir }));
  app.get('*', (c, next) => {
    if (isApi(c.req.path) || STATIC_FILE.test(c.req.path) || !existsSync(index)) return next();
    return serveStatic({ root: pwaDir, path: 'index.html' })(c, next);
  });
  return app;
}
