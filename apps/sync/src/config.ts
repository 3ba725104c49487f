/**
 * The server's configuration, parsed once from the environment at the edge. Nothing else reads
 * `process.env`.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVELS, type LogLevel } from './log.ts';
import type { NotifyConfig } from './notify/senders.ts';

export type Tier = 'commune' | 'province' | 'national';

export interface Config {
  port: number;
  /** Host to bind; all interfaces by default so tablets on the LAN can reach a commune box. */
  host: string;
  dataDir: string;
  /** PostgreSQL server; null = embedded PGlite in `<dataDir>/pg`. */
  databaseUrl: string | null;
  tier: Tier;
  /** The parent tier's sync server, when this one replicates upward. */
  upstreamUrl: string | null;
  /** This tier's service account at the parent (UPSTREAM_USERNAME / UPSTREAM_PASSWORD). */
  upstream: { username: string | null; password: string | null; intervalMs: number };
  /** The built PWA to serve; null = do not serve it. */
  pwaDir: string | null;
  /** Seed demo agencies, users, procedures and dossiers on first start. */
  demo: boolean;
  logLevel: LogLevel;
  /** Citizen notifications: SMTP for email, HTTP gateways for SMS and Zalo; unset = skipped. */
  notify: NotifyConfig;
  /** Other origins whose pages may call the API; empty = same origin only. */
  corsOrigins: string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The repository root: `apps/sync/src/config.ts` and the bundled `apps/sync/dist/index.js` both sit three levels down. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const TIERS: readonly Tier[] = ['commune', 'province', 'national'];

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8787;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer in 0..65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(name: string, raw: string | undefined, protocols: string[]): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${url.protocol}`);
  }
  return raw;
}

function parseInterval(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 15_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) throw new ConfigError(`UPSTREAM_INTERVAL_MS must be an integer ≥ 100, got "${raw}"`);
  return ms;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

function pick<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
}

function parseOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw === '') return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const url = parseUrl('CORS_ORIGINS', s, ['http:', 'https:'])!;
    return new URL(url).origin;
  });
}

function dir(raw: string | undefined, fallback: string, base: string): string {
  const value = raw === undefined || raw === '' ? fallback : raw;
  return isAbsolute(value) ? value : resolve(base, value);
}

/**
 * Parses the environment. Throws `ConfigError` naming the variable when a value is wrong.
 *
 * | variable | default |
 * | --- | --- |
 * | PORT | 8787 |
 * | HOST | 0.0.0.0 |
 * | DATA_DIR | ./data (from the working directory) |
 * | DATABASE_URL | none: embedded PGlite |
 * | TIER | province |
 * | UPSTREAM_URL | none |
 * | UPSTREAM_USERNAME, UPSTREAM_PASSWORD | none: this tier's service account at the parent |
 * | UPSTREAM_INTERVAL_MS | 15000: how often to replicate upward when nothing wakes it earlier |
 * | PWA_DIR | apps/pwa/dist in the repository; `off` to serve no PWA |
 * | DEMO | 1 |
 * | LOG_LEVEL | error |
 * | SMTP_URL | none: emails are recorded as skipped (e.g. smtp://user:pass@host:587) |
 * | MAIL_FROM | Motcua <no-reply@motcua.local> |
 * | SMS_URL, SMS_KEY | none: SMS skipped (gateway URL and bearer key) |
 * | ZALO_URL, ZALO_KEY | none: Zalo skipped |
 * | CORS_ORIGINS | none: same origin only (comma-separated, e.g. https://a.gov.vn,https://b.gov.vn) |
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const pwaRaw = env.PWA_DIR;
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: dir(env.DATA_DIR, './data', cwd),
    databaseUrl: parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    tier: pick('TIER', env.TIER, TIERS, 'province'),
    upstreamUrl: parseUrl('UPSTREAM_URL', env.UPSTREAM_URL, ['http:', 'https:']),
    upstream: {
      username: env.UPSTREAM_USERNAME || null,
      password: env.UPSTREAM_PASSWORD || null,
      intervalMs: parseInterval(env.UPSTREAM_INTERVAL_MS),
    },
    pwaDir: pwaRaw === 'off' ? null : dir(pwaRaw, 'apps/pwa/dist', pwaRaw ? cwd : REPO_ROOT),
    demo: parseBool('DEMO', env.DEMO, true),
    logLevel: pick('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'error'),
    notify: {
      smtpUrl: parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
      mailFrom: env.MAIL_FROM || 'Motcua <no-reply@motcua.local>',
      smsUrl: parseUrl('SMS_URL', env.SMS_URL, ['http:', 'https:']),
      smsKey: env.SMS_KEY || null,
      zaloUrl: parseUrl('ZALO_URL', env.ZALO_URL, ['http:', 'https:']),
      zaloKey: env.ZALO_KEY || null,
    },
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
  };
}
