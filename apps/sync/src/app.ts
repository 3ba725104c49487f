/**
 * `createApp(deps)`: the whole HTTP surface as a Hono app. It never listens: `server.ts` does, and
 * tests call `app.request()` in-process.
 */
import { MAX_FILE_BYTES } from '@motcua/model';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createAccounts } from './auth/accounts.ts';
import { requireUser } from './auth/middleware.ts';
import { codeRoutes } from './codes/lease-route.ts';
import { createSessions } from './auth/sessions.ts';
import { createLoginThrottle, type LoginThrottle } from './auth/throttle.ts';
import { tokenRevocation } from './auth/revocation.ts';
import { createAccessTokens } from './auth/tokens.ts';
import type { Tier } from './config.ts';
import { errorBody, handleError } from './errors.ts';
import type { BlobFiles } from './files/blob-files.ts';
import { pwaRoutes } from './http/pwa.ts';
import { corsPolicy, defaultBodyLimit, securityHeaders } from './http/security.ts';
import { silentLogger, type Logger } from './log.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { fileRoutes } from './routes/files.ts';
import { createTusServer, UPLOADS_PATH } from './files/tus-uploads.ts';
import { healthRoutes } from './routes/health.ts';
import { pkiRoutes } from './routes/pki.ts';
import { populationRoutes } from './routes/population.ts';
import { createSyntheticRegistry } from './population/synthetic.ts';
import type { PopulationRegistry } from './population/registry.ts';
import { lookupRoutes } from './routes/lookup.ts';
import type { RateLimit } from './public/rate-limit.ts';
import { statsRoutes } from './routes/stats.ts';
import { syncRoutes } from './routes/sync.ts';
import { warehouseRoutes } from './routes/warehouse.ts';
import { nationalWarehouseRoutes } from './routes/national-warehouse.ts';
import type { UpstreamClient } from './upstream/client.ts';
import type { SyncStore } from './store/types.ts';
import { createChangeBus, type ChangeBus } from './sync/change-bus.ts';

export const VERSION = '0.1.0';

export interface AppDeps {
  store: SyncStore;
  files: BlobFiles;
  /** HS256 key for access tokens (kept in the store's meta table; see `server.ts`). */
  jwtSecret: string;
  tier?: Tier;
  /** The built PWA to serve; null or absent = API only. */
  pwaDir?: string | null;
  log?: Logger;
  bus?: ChangeBus;
  /** Largest upload, bytes (tests lower it). */
  maxFileBytes?: number;
  /** The public dossier lookup's per-address limit (tests pass a small one). */
  lookupLimit?: RateLimit;
  /** The population registry behind the desk's identity check; the synthetic one by default. */
  population?: PopulationRegistry;
  /** The identity check's per-officer limit (tests pass a small one). */
  populationLimit?: RateLimit;
  /** Other origins whose pages may call the API (`CORS_ORIGINS`); same origin only by default. */
  corsOrigins?: string[];
  /** Failed logins per account, per client address, and registrations per address (tests pass small ones). */
  loginThrottle?: LoginThrottle;
  addressThrottle?: LoginThrottle;
  registerThrottle?: LoginThrottle;
  resetThrottles?: { account: LoginThrottle; address: LoginThrottle };
  /** The parent tier, signed in with this tier's service account (for the national warehouse). */
  upstream?: Pick<UpstreamClient, 'get'> | null;
}

export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? silentLogger;
  const bus = deps.bus ?? createChangeBus();
  const tokens = createAccessTokens(deps.jwtSecret, { revoked: tokenRevocation(deps.store) });
  const sessionsChanged = () => bus.publish('sessions');
  const sessions = createSessions({
    store: deps.store, tokens, log, throttle: deps.loginThrottle, addressThrottle: deps.addressThrottle, onEnded: sessionsChanged,
  });
  const accounts = createAccounts({ store: deps.store });
  const registerThrottle =
    deps.registerThrottle ??
    createLoginThrottle({ maxFailures: 20, windowMs: 60 * 60_000, message: (wait) => `Đăng ký quá nhiều lần từ địa chỉ này, hãy thử lại sau ${wait} phút` });
  const app = new Hono();

  app.onError(handleError(log));
  app.notFound((c) =>
    c.req.path.startsWith('/api')
      ? c.json(errorBody('not_found', `Không có ${c.req.method} ${c.req.path.slice(0, 200)}`), 404)
      : c.text('Not found', 404),
  );
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log.debug('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('*', securityHeaders());
  app.use('/api/*', corsPolicy(deps.corsOrigins ?? []));
  app.use('/api/*', defaultBodyLimit());
  app.use('*', compress());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.route('/api/health', healthRoutes({ tier: deps.tier ?? 'province', version: VERSION }));
  const resetMessage = (wait: number) => `Đã yêu cầu gửi mã quá nhiều lần, hãy thử lại sau ${wait} phút`;
  const resetThrottles = deps.resetThrottles ?? {
    account: createLoginThrottle({ maxFailures: 3, windowMs: 60 * 60_000, message: resetMessage }),
    address: createLoginThrottle({ maxFailures: 30, windowMs: 60 * 60_000, message: resetMessage }),
  };
  app.route('/api/auth', authRoutes({ sessions, tokens, accounts, registerThrottle, resetThrottles }));
  app.route('/api/admin', adminRoutes({ store: deps.store, tokens, onSessionsChanged: sessionsChanged }));
  app.route('/api/pki', pkiRoutes({ store: deps.store, tokens, log }));
  app.route('/api/public/lookup', lookupRoutes({ store: deps.store, limit: deps.lookupLimit }));
  app.use('/api/sync/*', requireUser(tokens));
  app.route('/api/sync', syncRoutes({ store: deps.store, bus, log, tokens }));
  app.use('/api/files', requireUser(tokens));
  app.use('/api/files/*', requireUser(tokens));
  app.route('/api/files', fileRoutes({ store: deps.store, files: deps.files, maxBytes: deps.maxFileBytes }));
  const tus = createTusServer({ store: deps.store, files: deps.files, tokens, maxBytes: deps.maxFileBytes ?? MAX_FILE_BYTES });
  app.all(UPLOADS_PATH, (c) => tus.handleWeb(c.req.raw));
  app.all(`${UPLOADS_PATH}/*`, (c) => tus.handleWeb(c.req.raw));
  app.use('/api/warehouse/*', requireUser(tokens));
  app.route('/api/warehouse/national', nationalWarehouseRoutes({ store: deps.store, upstream: deps.upstream ?? null, national: deps.tier === 'national' }));
  app.route('/api/warehouse', warehouseRoutes({ store: deps.store }));
  app.use('/api/stats/*', requireUser(tokens));
  app.route('/api/stats', statsRoutes({ store: deps.store }));
  app.use('/api/population/*', requireUser(tokens));
  app.route('/api/population', populationRoutes({ store: deps.store, registry: deps.population ?? createSyntheticRegistry(), accounts, limit: deps.populationLimit }));
  app.use('/api/codes/*', requireUser(tokens));
  app.route('/api/codes', codeRoutes({ store: deps.store }));
  if (deps.pwaDir) app.route('/', pwaRoutes(deps.pwaDir));
  return app;
}
