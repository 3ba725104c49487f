/**
 * /api/stats/rates?agencyId&from&to — the digitization and reuse rates (domain.md §8, 5 and 6) of an
 * agency over a period of Vietnam calendar days (`from` and `to` inclusive, `YYYY-MM-DD`), for the
 * officers of that agency (and the admins above it). They count every dossier this server knows of:
 * its own in full, and at the nation the summaries the provinces sent.
 */
import {
  addVnDays, digitizationRate, fromVnClock, isIsoDate, isOfficer, reuseRate, summarizeDossier,
  type Dossier, type DossierSummary, type Procedure,
} from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import { officerAgencies } from '../sync/scope.ts';

export function statsRoutes(deps: { store: SyncStore }) {
  const { store } = deps;
  const app = new Hono<AuthEnv>();

  app.get('/rates', async (c) => {
    const user = c.get('user');
    const agencyId = c.req.query('agencyId') ?? user.agencyId ?? '';
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
      throw badRequest('invalid_period', 'Kỳ báo cáo không hợp lệ (from, to dạng YYYY-MM-DD, from ≤ to)');
    }
    const agencies = isOfficer(user) ? await officerAgencies(store, user) : [];
    if (!agencies.includes(agencyId)) throw forbidden('out_of_scope', 'Chỉ xem được số liệu của cơ quan mình');
    const period = { from: fromVnClock(from, 0), to: fromVnClock(addVnDays(to, 1), 0) };
    const summaries = new Map<string, DossierSummary>();
    for (const s of await store.warehouse.ofAgencies('summaries', [agencyId])) summaries.set(s.id, s.data as unknown as DossierSummary);
    // A dossier held here in full counts as itself.
    for (const d of await store.warehouse.ofAgencies('dossiers', [agencyId])) summaries.set(d.id, summarizeDossier(d.data as unknown as Dossier));
    const dossiers = [...summaries.values()];
    const procedures = (await store.documents.pull('procedures', { kind: 'all' }, 0, 100_000)).map((p) => p.data as unknown as Procedure);
    return c.json({
      agencyId,
      from,
      to,
      digitization: digitizationRate(dossiers, procedures, period, [agencyId]),
      reuse: reuseRate(dossiers, period, [agencyId]),
    });
  });

  return app;
}
