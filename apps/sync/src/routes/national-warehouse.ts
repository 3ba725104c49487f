/**
 * /api/warehouse/national/:cccd — a citizen's documents in the national warehouse, so that a paper
 * digitized in one province is reusable in another.
 *
 * @remarks The national tier answers from its own store. A province or commune asks its parent
 * with its service account while the link is up (503 `upstream_unavailable` when it is not, so
 * the device keeps showing what it holds). Only the citizen themself may ask, and a tier account
 * on their behalf; every read at the nation is audited.
 * @module
 */
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { badRequest, forbidden, HttpError } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import { isTierAccount } from '../sync/scope.ts';
import type { UpstreamClient } from '../upstream/client.ts';

const CCCD = /^[0-9]{12}$/;

export interface NationalWarehouseDeps {
  store: SyncStore;
  /** The parent, for a tier below the nation; null at the nation (or when no parent is set). */
  upstream: Pick<UpstreamClient, 'get'> | null;
  national: boolean;
}

/** The route; mount under `/api/warehouse/national`. */
export function nationalWarehouseRoutes(deps: NationalWarehouseDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/:cccd', async (c) => {
    const cccd = c.req.param('cccd');
    if (!CCCD.test(cccd)) throw badRequest('invalid_cccd', 'Số định danh phải có 12 chữ số');
    const user = c.get('user');
    const own = user.role === 'citizen' && user.cccd === cccd;
    if (!own && !isTierAccount(user)) throw forbidden('out_of_scope', 'Chỉ công dân xem được kho dữ liệu quốc gia của mình');
    if (deps.national) {
      await deps.store.warehouse.audit({ userId: user.id, action: 'warehouse.national.read', subject: cccd });
      const { warehouse, files } = await deps.store.warehouse.ownedBy(cccd);
      return c.json({ documents: warehouse.filter((d) => !d.deleted).map((d) => d.data), files: files.map((f) => f.data) });
    }
    if (!own || !deps.upstream) throw new HttpError(503, 'upstream_unavailable', 'Chưa kết nối được kho dữ liệu quốc gia');
    try {
      return c.json((await deps.upstream.get(`/api/warehouse/national/${cccd}`)) as Record<string, unknown>);
    } catch {
      throw new HttpError(503, 'upstream_unavailable', 'Mất kết nối tới kho dữ liệu quốc gia, vui lòng thử lại sau');
    }
  });
  return app;
}
