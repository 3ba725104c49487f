/**
 * `POST /api/codes/lease` { deviceId, count } → { agencyId, prefix, ranges: [{ date, from, to }] }:
 * an officer's device reserves `count` numbers of its agency's daily sequence for today and each of
 * the next working days (model `leaseDays`), to issue dossier codes while offline.
 */
import { issuesDossierCodes, leaseDays, type CodeLease } from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { badRequest, forbidden, HttpError, unprocessable } from '../errors.ts';
import { isRecord, readJson } from '../http/body.ts';
import type { SyncStore } from '../store/types.ts';

/** Most numbers a device may take per day in one lease. */
export const MAX_LEASE_COUNT = 200;
/**
 * Most numbers of one day a device, and one officer on all their devices, may hold: a busy desk
 * receives a few dozen dossiers a day, and a number leased is never issued to anyone else, so a
 * device asking in a loop must not use up the commune's 9,999 daily numbers.
 */
export const DEVICE_DAY_QUOTA = 400;
export const USER_DAY_QUOTA = 1000;

const DEVICE_ID = /^[A-Za-z0-9_-]{4,64}$/;

export function codeRoutes(deps: { store: SyncStore; now?: () => Date }) {
  const app = new Hono<AuthEnv>();
  app.post('/lease', async (c) => {
    const user = c.get('user');
    if (!issuesDossierCodes(user) || !user.agencyId) {
      throw forbidden('officer_only', 'Chỉ cán bộ một cửa của cơ quan được nhận dãy số hồ sơ');
    }
    const body = await readJson(c);
    const deviceId = isRecord(body) ? body.deviceId : undefined;
    const count = (isRecord(body) ? body.count : undefined) ?? 20;
    if (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId)) {
      throw badRequest('invalid_device', 'deviceId phải gồm 4–64 chữ, số, "-" hoặc "_"');
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_LEASE_COUNT) {
      throw badRequest('invalid_count', `count phải là số nguyên từ 1 đến ${MAX_LEASE_COUNT}`);
    }
    const agencyId = user.agencyId;
    const lease = await deps.store.documents.write(async (tx): Promise<CodeLease> => {
      const agency = await tx.get('agencies', agencyId);
      const prefix = agency && !agency.deleted ? agency.data.dossierPrefix : undefined;
      if (typeof prefix !== 'string' || prefix === '') {
        throw unprocessable('unknown_agency', `Không tìm thấy cơ quan "${agencyId}" để cấp dãy số hồ sơ`);
      }
      const ranges = [];
      for (const date of leaseDays(deps.now?.() ?? new Date())) {
        const day = date.slice(2).replaceAll('-', '');
        const holder = { deviceId, userId: user.id };
        const held = await tx.codes.leasedTo(agencyId, day, holder);
        if (held.device + count > DEVICE_DAY_QUOTA || held.user + count > USER_DAY_QUOTA) {
          throw new HttpError(429, 'lease_quota', `Máy này đã nhận đủ dãy số hồ sơ cho ngày ${date}; hãy dùng hết số đã nhận trước khi xin thêm`);
        }
        const { from, to } = await tx.codes.lease(agencyId, day, count, holder);
        if (to > 9999) continue; // the day's sequence is full: no number left to lease
        ranges.push({ date, from, to });
      }
      return { agencyId, prefix, ranges };
    });
    return c.json(lease);
  });
  return app;
}
