/**
 * /api/warehouse/of/:cccd — a citizen's electronic warehouse (documents and their file metadata).
 *
 * @remarks The citizen reads their own. An officer reads a citizen's warehouse only while that
 * citizen has a non-draft dossier at the officer's agency (to reuse documents at reception), and
 * every such read is audited. Everyone else gets 403.
 */
import { isOfficer } from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import { officerAgencies } from '../sync/scope.ts';

const CCCD = /^[0-9]{12}$/;

export function warehouseRoutes(deps: { store: SyncStore }) {
  const { store } = deps;
  const app = new Hono<AuthEnv>();

  app.get('/of/:cccd', async (c) => {
    const cccd = c.req.param('cccd');
    if (!CCCD.test(cccd)) throw badRequest('invalid_cccd', 'Số định danh phải có 12 chữ số');
    const user = c.get('user');
    const own = user.role === 'citizen' && user.cccd === cccd;
    if (!own) {
      const agencies = isOfficer(user) ? await officerAgencies(store, user) : [];
      if (agencies.length === 0 || !(await store.warehouse.ownerHasDossierAt(cccd, agencies))) {
        throw forbidden('out_of_scope', 'Chỉ xem được kho dữ liệu của công dân có hồ sơ tại cơ quan mình');
      }
      await store.warehouse.audit({ userId: user.id, action: 'warehouse.read', subject: cccd });
    }
    const { warehouse, files } = await store.warehouse.ownedBy(cccd);
    return c.json({ documents: warehouse.map((d) => d.data), files: files.map((f) => f.data) });
  });

  return app;
}
