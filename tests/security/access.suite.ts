/**
 * Every route and every replicated collection, tried by every role that must not succeed.
 */
import { createHash } from 'node:crypto';
import { summarizeDossier, type Dossier } from '@motcua/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { AN, BINH, change, DAK_LA, DAK_MAR, maySee, pullAll, push, ROLES, same, stored, type Doc, type RoleName, type SecurityContext } from './context.ts';
import { dossierAt } from './dossiers.ts';
import { appRoutes, PUBLIC_ROUTES, requestsFor } from './routes.ts';
import { attempt, refusedWith } from './tally.ts';

const NON_ADMINS = (Object.keys(ROLES) as RoleName[]).filter((r) => r !== 'adminProvince');
const OFFICERS: RoleName[] = ['receptionistDakLa', 'specialistDakLa', 'leaderDakLa', 'receptionistDakMar', 'adminProvince'];
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function accessSuite(ctx: () => SecurityContext) {
  /** A dossier state pushed by a person: answered 426 (update the app), and nothing stored. */
  async function outdated(label: string, send: () => Promise<Response>): Promise<void> {
    const { t } = ctx();
    const seq = await t.store.documents.maxSeq();
    const response = await send();
    const body = (await response.text()).slice(0, 200);
    const nothing = (await t.store.documents.maxSeq()) === seq;
    attempt('route-role', label, response.status === 426 && nothing, `(${response.status} ${body}${nothing ? '' : '; something was stored'})`);
  }
  /** Every request to a route of the app that wants a signed-in user (method, path, body). */
  const protectedRequests = () => appRoutes(ctx().t.app).filter((key) => !PUBLIC_ROUTES.has(key)).flatMap(requestsFor);

  describe('the routes attacked are the app’s own', () => {
    it('every route declared public exists, and the app has routes the suite reaches', () => {
      const routes = appRoutes(ctx().t.app);
      expect([...PUBLIC_ROUTES].filter((key) => !routes.includes(key))).toEqual([]);
      expect(protectedRequests().length).toBeGreaterThan(40);
    });
  });

  describe('every protected route refuses a caller without a valid token', () => {
    it('each route of the app but the public ones', async () => {
      const { t } = ctx();
      for (const [method, path, body, headers] of protectedRequests()) {
        for (const token of [undefined, 'garbage', 'a.b.c']) {
          const response = await t.call(method, path, { token, body, headers });
          await refusedWith('route-role', `${method} ${path} as anonymous(${token ?? 'none'})`, response, [401]);
        }
      }
    });
  });

  describe('account administration is for admins only', () => {
    it.each(NON_ADMINS)('%s', async (role) => {
      const { t, token } = ctx();
      for (const [method, path, body] of protectedRequests().filter(([, path]) => path.startsWith('/api/admin'))) {
        await refusedWith('route-role', `${method} ${path} as ${role}`, await t.call(method, path, { token: token[role], body }), [403]);
      }
    });

    it('a province admin cannot create an account above the province, nor touch unknown accounts', async () => {
      const { t, token } = ctx();
      const above = await t.call('POST', '/api/admin/users', {
        token: token.adminProvince,
        body: { username: 'quocgia.admin', fullName: 'X', role: 'admin', agencyId: '000.00.00.G00', password: 'Str0ng!Passw0rd' },
      });
      await refusedWith('route-role', 'admin creates a national account', above, [403]);
      const self = await t.call('PATCH', '/api/admin/users/u-quantri', { token: token.adminProvince, body: { disabled: true } });
      await refusedWith('route-role', 'admin disables self', self, [403]);
      const citizen = await t.call('PATCH', '/api/admin/users/u-citizen-an', { token: token.adminProvince, body: { role: 'admin' } });
      await refusedWith('route-role', 'admin promotes a citizen', citizen, [404]);
    });
  });

  describe('pull shows each role only its own scope', () => {
    it.each(Object.keys(ROLES) as RoleName[])('%s', async (role) => {
      const { t, token } = ctx();
      for (const collection of ['dossiers', 'events', 'files', 'warehouse']) {
        const docs = await pullAll(t, token[role], collection);
        const leaked = docs.filter((d) => !maySee(role, d));
        attempt('route-role', `pull ${collection} as ${role}`, leaked.length === 0, leaked.map((d) => d.id).join(','));
      }
    });
  });

  describe('push refuses writes outside the pusher’s scope and stores nothing', () => {
    let all: Record<string, Doc[]>;
    beforeAll(async () => {
      const { t, token } = ctx();
      // The Đắk La desk digitizes one paper into An's warehouse, so every collection has a document.
      const bytes = new TextEncoder().encode('%PDF-1.7\n% giay to cua An\ntrailer << >>\n%%EOF\n');
      await t.app.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'application/pdf', Authorization: `Bearer ${token.receptionistDakLa}` }, body: bytes as BodyInit });
      const now = new Date().toISOString();
      const file = { id: 'sec-f1', sha256: sha(bytes), name: 'giay.pdf', mime: 'application/pdf', size: bytes.length, ownerCccd: AN, agencyId: DAK_LA, dossierId: null, uploadedBy: 'u-motcua.dakla', createdAt: now, updatedAt: Date.now() };
      expect((await push(t, token.receptionistDakLa, 'files', [{ assumedMasterState: null, newDocumentState: file }])).status).toBe(200);
      const paper = {
        id: 'sec-w1', ownerCccd: AN, docTypeCode: 'giay-khai-sinh', name: 'Giấy khai sinh', issuedAt: '2020-01-02', issuer: 'UBND xã Đắk La',
        number: '12/2020', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'result', fileId: 'sec-f1',
        sourceDossierId: null, procedureId: null, agencyId: DAK_LA, digitizedBy: 'Phạm Thị Hoa', digitizedAt: now, updatedAt: Date.now(),
      };
      expect((await push(t, token.receptionistDakLa, 'warehouse', [{ assumedMasterState: null, newDocumentState: paper }])).status).toBe(200);
      all = {};
      for (const c of ['agencies', 'procedures', 'dossiers', 'events', 'files', 'warehouse']) all[c] = await pullAll(t, token.adminProvince, c);
    });

    it.each(['dossiers', 'events', 'files', 'warehouse'])('%s: every role outside a document’s scope', async (collection) => {
      const { t, token } = ctx();
      for (const doc of all[collection]!.slice(0, 6)) {
        for (const role of Object.keys(ROLES) as RoleName[]) {
          if (maySee(role, doc)) continue;
          const { _deleted, ...master } = doc;
          const send = () => push(t, token[role], collection, [change(master as Doc, { ownerCccd: role === 'citizenAn' ? AN : BINH, agencyId: DAK_MAR })]);
          // A person's device writes no dossier state at all now (see `actions.suite.ts` for the same through actions).
          if (collection === 'dossiers') await outdated(`push ${collection}/${doc.id} as ${role}`, send);
          else await refusedWith('route-role', `push ${collection}/${doc.id} as ${role}`, await send(), collection === 'events' ? [403, 422, 426] : [403, 422]);
        }
      }
      const after = await pullAll(t, token.adminProvince, collection);
      attempt('route-role', `${collection} unchanged after refused pushes`, JSON.stringify(after) === JSON.stringify(all[collection]));
    });

    it.each(['agencies', 'procedures'])('%s: only admins write the catalog', async (collection) => {
      const { t, token } = ctx();
      const { _deleted, ...master } = all[collection]![0]!;
      for (const role of NON_ADMINS) {
        const response = await push(t, token[role], collection, [change(master as Doc, { name: '<script>alert(1)</script>' })]);
        await refusedWith('route-role', `push ${collection} as ${role}`, response, [403]);
      }
    });

    it('nobody but a tier’s replication writes a dossier summary', async () => {
      const { t, token } = ctx();
      const { _deleted, ...dossier } = all.dossiers!.find((d) => d.agencyId === DAK_LA && d.status !== 0)!;
      const summary = summarizeDossier(dossier as unknown as Dossier);
      for (const role of Object.keys(ROLES) as RoleName[]) {
        const response = await push(t, token[role], 'summaries', [{ assumedMasterState: null, newDocumentState: summary }]);
        await refusedWith('route-role', `push summaries as ${role}`, response, [403]);
      }
      attempt('route-role', 'no summary stored after refused pushes', (await pullAll(t, token.adminProvince, 'summaries')).length === 0);
    });

    it('a citizen cannot create a dossier in another citizen’s name', async () => {
      const { t, token } = ctx();
      const { _deleted, ...master } = all.dossiers!.find((d) => d.ownerCccd === BINH)!;
      const forged = { ...master, id: 'sec-forged', ownerCccd: BINH, status: 0, code: null };
      await outdated('An creates a dossier for Bình', () => push(t, token.citizenAn, 'dossiers', [{ assumedMasterState: null, newDocumentState: forged }]));
      attempt('route-role', 'no forged dossier stored', (await stored(t, 'dossiers', 'sec-forged')) === null);
    });

    it('a receptionist cannot approve a result (4 → 9); a citizen cannot receive their own dossier', async () => {
      const { t, token } = ctx();
      const processing = await dossierAt(ctx(), 4);
      await outdated('receptionist approves 4→9', () => push(t, token.receptionistDakLa, 'dossiers', [change(processing, { status: 9 })]));
      attempt('route-role', 'status stays 4', (await stored(t, 'dossiers', processing.id))?.status === 4);
      const mine = await dossierAt(ctx(), 1);
      await outdated('citizen receives own dossier', () => push(t, token.citizenAn, 'dossiers', [change(mine, { status: 2 })]));
      attempt('route-role', 'status stays 1', (await stored(t, 'dossiers', mine.id))?.status === 1);
    });

    it('a citizen cannot change what the agency decided on their submitted dossier', async () => {
      const { t, token } = ctx();
      const mine = await dossierAt(ctx(), 2);
      for (const [field, value] of [['dueAt', '2030-01-01T00:00:00.000Z'], ['fee', { amount: 0, paid: 'cash' }], ['result', { fileId: 'sec-f1', number: '1/QĐ', signer: 'Giả mạo', issuedAt: new Date().toISOString() }]] as const) {
        await outdated(`citizen sets ${field} on a submitted dossier`, () => push(t, token.citizenAn, 'dossiers', [change(mine, { [field]: value })]));
      }
      // Nor alongside a move of their own: asking to withdraw writes the decision, not a result.
      const at = new Date().toISOString();
      const withdrawing = change(mine, {
        status: 7,
        decision: { kind: 'withdraw', reason: 'Không cần nữa', items: [], at, by: 'Nguyễn Văn An' },
        result: { name: 'Giấy khai sinh', fileIds: [], number: '1/QĐ', signedBy: 'Giả mạo', issuedAt: at, warehouseDocId: null },
      });
      await outdated('citizen sets a result while asking to withdraw', () => push(t, token.citizenAn, 'dossiers', [withdrawing]));
      attempt('route-role', 'the dossier is as the agency left it', same(await stored(t, 'dossiers', mine.id), mine));
    });

    it('a tier relays only its own communes’ dossiers and history', async () => {
      const { t, tierToken } = ctx();
      const marDossier = (await stored(t, 'dossiers', 'demo-hs-004'))!;
      await refusedWith('route-role', 'Đắk La tier relays a Đắk Mar dossier', await push(t, tierToken, 'dossiers', [change(marDossier, { status: 9 })]), [403]);
      const marEvent = (await stored(t, 'events', 'demo-hs-004-ev-1'))!;
      const forged = { ...marEvent, id: 'sec-tier-ev', comment: 'Giả mạo' };
      await refusedWith('route-role', 'Đắk La tier relays a Đắk Mar event', await push(t, tierToken, 'events', [{ assumedMasterState: null, newDocumentState: forged }]), [403, 422]);
      attempt('route-role', 'the Đắk Mar dossier is unchanged', same(await stored(t, 'dossiers', 'demo-hs-004'), marDossier));
    });

    it('nobody writes the history of others or edits history', async () => {
      const { t, token } = ctx();
      const { _deleted, ...event } = (await pullAll(t, token.citizenAn, 'events'))[0]!;
      for (const role of Object.keys(ROLES) as RoleName[]) {
        const other = role === 'receptionistDakLa' ? 'u-chutich.dakla' : 'u-motcua.dakla';
        const forged = { ...event, id: `sec-ev-${role}`, actor: { userId: other, name: 'X', role: 'receptionist' } };
        const response = await push(t, token[role], 'events', [{ assumedMasterState: null, newDocumentState: forged }]);
        // An event without an action is refused before its actor is read (`events.suite.ts` forges one with an action).
        await refusedWith('route-role', `events in another's name as ${role}`, response, [403, 422, 426]);
      }
      const actor = event.actor as Record<string, unknown>;
      const edit = await push(t, token.citizenAn, 'events', [{ assumedMasterState: event, newDocumentState: { ...event, actor: { ...actor, name: 'Người khác' } } }]);
      await refusedWith('route-role', 'citizen edits own history', edit, [403, 426]);
    });

    it('nobody but its uploader repoints a stored file to other bytes', async () => {
      const { t, token } = ctx();
      const { _deleted, ...file } = all.files!.find((f) => f.id === 'sec-f1')!;
      for (const role of ['citizenAn', 'citizenBinh', 'specialistDakLa', 'leaderDakLa', 'receptionistDakMar'] as RoleName[]) {
        const response = await push(t, token[role], 'files', [change(file as Doc, { sha256: 'b'.repeat(64) })]);
        await refusedWith('route-role', `files sha256 swap as ${role}`, response, [403, 422]);
      }
    });
  });

  describe('reads of other people’s data over plain routes', () => {
    it('warehouse, stats, identity check and files', async () => {
      const { t, token } = ctx();
      await refusedWith('route-role', 'Bình reads An’s warehouse', await t.call('GET', `/api/warehouse/of/${AN}`, { token: token.citizenBinh }), [403]);
      await refusedWith('route-role', 'Đắk Mar reads An’s warehouse', await t.call('GET', `/api/warehouse/of/${AN}`, { token: token.receptionistDakMar }), [403]);
      for (const role of ['citizenAn', 'citizenBinh'] as RoleName[]) {
        await refusedWith('route-role', `identity check as ${role}`, await t.call('POST', '/api/population/check', { token: token[role], body: { cccd: BINH } }), [403]);
        await refusedWith('route-role', `stats as ${role}`, await t.call('GET', `/api/stats/rates?agencyId=${DAK_LA}&from=2026-01-01&to=2026-12-31`, { token: token[role] }), [403]);
      }
      for (const role of OFFICERS.filter((r) => r !== 'adminProvince')) {
        const other = role === 'receptionistDakMar' ? DAK_LA : DAK_MAR;
        await refusedWith('route-role', `stats of another commune as ${role}`, await t.call('GET', `/api/stats/rates?agencyId=${other}&from=2026-01-01&to=2026-12-31`, { token: token[role] }), [403]);
      }
      const file = anFileSha();
      for (const role of ['citizenBinh', 'receptionistDakMar'] as RoleName[]) {
        await refusedWith('route-role', `download An's file as ${role}`, await t.call('GET', `/api/files/${file}`, { token: token[role] }), [404]);
      }
    });
  });
}

const anFileSha = () => sha(new TextEncoder().encode('%PDF-1.7\n% giay to cua An\ntrailer << >>\n%%EOF\n'));
