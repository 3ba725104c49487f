/**
 * POST /api/population/check — the identity check of the one-stop desk ("Kiểm tra"): officers only,
 * rate-limited per officer, and every check is written to the audit log (who asked about whom).
 */
import { isOfficer, isIsoDate, validateCccd } from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { HttpError, forbidden, unprocessable } from '../errors.ts';
import { readJson } from '../http/body.ts';
import { PopulationUnavailableError, type PopulationRegistry } from '../population/registry.ts';
import { createRateLimit, type RateLimit } from '../public/rate-limit.ts';
import type { SyncStore } from '../store/types.ts';

export interface PopulationRouteDeps {
  store: Pick<SyncStore, 'warehouse'>;
  registry: PopulationRegistry;
  /** Per officer; default 30 checks a minute. */
  limit?: RateLimit;
}

function parseQuery(body: unknown): { cccd: string; fullName: string; birthDate: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const cccd = typeof b.cccd === 'string' ? b.cccd.trim() : '';
  const fullName = typeof b.fullName === 'string' ? b.fullName.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  const birthDate = typeof b.birthDate === 'string' ? b.birthDate.trim() : '';
  const cccdProblem = validateCccd(cccd);
  if (cccdProblem) throw unprocessable('invalid_cccd', cccdProblem);
  if (!fullName || fullName.length > 200) throw unprocessable('invalid_name', 'Vui lòng nhập họ và tên (tối đa 200 ký tự).');
  if (!isIsoDate(birthDate)) throw unprocessable('invalid_birth_date', 'Ngày sinh phải có dạng YYYY-MM-DD.');
  return { cccd, fullName, birthDate };
}

export function populationRoutes(deps: PopulationRouteDeps) {
  const limit = deps.limit ?? createRateLimit({ max: 30, windowMs: 60_000 });
  const app = new Hono<AuthEnv>();

  app.post('/check', async (c) => {
    const user = c.get('user');
    if (!isOfficer(user)) throw forbidden('officers_only', 'Chỉ cán bộ được kiểm tra thông tin công dân');
    limit.hit(user.id);
    const query = parseQuery(await readJson(c));
    let answer;
    try {
      answer = await deps.registry.lookup(query);
    } catch (error) {
      if (error instanceof PopulationUnavailableError) {
        throw new HttpError(503, error.code, 'Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư, vui lòng thử lại sau');
      }
      throw error;
    }
    await deps.store.warehouse.audit({ userId: user.id, action: `population.check.${answer.status}`, subject: query.cccd });
    return c.json({ ...answer, source: deps.registry.source, checkedAt: new Date().toISOString() });
  });

  return app;
}
