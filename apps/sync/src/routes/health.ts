/** GET /api/health: liveness, with the tier and version this server runs. */
import { Hono } from 'hono';
import type { Tier } from '../config.ts';

export function healthRoutes(info: { tier: Tier; version: string }) {
  return new Hono().get('/', (c) => c.json({ ok: true, tier: info.tier, version: info.version }));
}
