/**
 * POST /api/population/check — the identity check of the one-stop desk ("Kiểm tra"): officers only,
 * rate-limited per officer, and every check is written to the audit log (who asked about whom).
 * POST /api/population/activation — the same check by the desk, then the citizen's account
 * activation code to print (`accounts.issueActivation`).
 */
import { isOfficer, isIsoDate, validateCccd, type SessionUser } from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { HttpError, forbidden, unprocessable } from '../errors.ts';
import { readJson } from '../http/body.ts';
import { PopulationUnavailableError, type PopulationAnswer, type PopulationQuery, type PopulationRegistry } from '../population/registry.ts';
import type { Accounts } from '../auth/accounts.ts';
import { createRateLimit, type RateLimit } from '../public/rate-limit.ts';
import type { SyncStore } from '../store/types.ts';

export interface PopulationRouteDeps {
  store: Pick<SyncStore, 'warehouse'>;
  registry: PopulationRegistry;
  accounts: Pick<Accounts, 'issueActivation'>;
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

  /** The registry's answer for what the card says, audited as `population.check.*`. */
  async function check(user: SessionUser, body: unknown): Promise<{ query: PopulationQuery; answer: PopulationAnswer }> {
    if (!isOfficer(user)) throw forbidden('officers_only', 'Chỉ cán bộ được kiểm tra thông tin công dân');
    limit.hit(user.id);
    const query = parseQuery(body);
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
    return { query, answer };
  }

  app.post('/check', async (c) => {
    const { answer } = await check(c.get('user'), await readJson(c));
    return c.json({ ...answer, source: deps.registry.source, checkedAt: new Date().toISOString() });
  });

  // After the in-person check of the card, the desk prints the citizen's account activation code.
  app.post('/activation', async (c) => {
    const user = c.get('user');
    if (user.role !== 'receptionist') throw forbidden('desk_only', 'Chỉ bộ phận một cửa cấp mã kích hoạt tài khoản');
    const { answer } = await check(user, await readJson(c));
    if (answer.status !== 'found') {
      throw unprocessable('identity_not_confirmed', 'Thông tin trên thẻ không khớp Cơ sở dữ liệu quốc gia về dân cư; không cấp được mã kích hoạt');
    }
    return c.json(await deps.accounts.issueActivation(answer.person, user), 201);
  });

  return app;
}
