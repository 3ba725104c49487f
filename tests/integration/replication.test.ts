/**
 * Devices replicating through the real sync server, on PGlite and on PostgreSQL: a citizen's
 * offline dossier reaches the commune desk and comes back with its code, scope holds, files travel,
 * concurrent offline edits merge, and retried pushes store nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { createDossierDraft, type Dossier, type DossierEvent } from '@motcua/model';
import { closeDatabase } from '../../apps/pwa/src/db/database.ts';
import { readFile, saveLocalFile } from '../../apps/pwa/src/db/files.ts';
import { ownerKeyOf } from '../../apps/pwa/src/db/owner-key.ts';
import { samplePdf, sampleWarehouseDocument } from '../../apps/pwa/src/db/testing.ts';
import { TEST_DATABASES } from '../helpers/server.ts';
import { type TestClient, useServerAndDevices, waitFor } from './clients.ts';
import { apiGet, CITIZEN, CODE_PATTERN, DAK_LA, dueIn5Days, localDossier, localEvents, offlineSubmission, someProcedure } from './steps.ts';

describe.each(TEST_DATABASES)('replication through the sync server on %s', (storage) => {
  const env = useServerAndDevices(storage);
  const device = env.device;

  it('brings an offline submission to the Đắk La desk and its code back to the citizen, never to Đắk Mar', async () => {
    const citizen = await device(CITIZEN, 'citizen');
    const dakla = await device('motcua.dakla', 'dakla');
    const dakmar = await device('motcua.dakmar', 'dakmar');
    const { dossier, file, bytes } = await offlineSubmission(citizen);

    const sync = citizen.startSync();
    const pendingSeen: number[] = [];
    sync.pending$.subscribe((n) => pendingSeen.push(n));
    await waitFor('citizen online and in sync', async () => {
      await sync.awaitInSync();
      return pendingSeen.at(-1) === 0;
    });
    // dossier + its event + the files document + the file's bytes were waiting
    expect(Math.max(...pendingSeen)).toBeGreaterThanOrEqual(4);
    expect(await firstValueFrom(sync.online$)).toBe(true);
    expect(await firstValueFrom(sync.lastSyncedAt$)).toBeInstanceOf(Date);

    dakla.startSync();
    const queued = await waitFor('dossier in the Đắk La queue', async () =>
      (await dakla.db.dossiers.find({ selector: { status: 1, agencyId: DAK_LA } }).exec()).find((d) => d.id === dossier.id));
    expect(queued.code).toBeNull();

    await dakla.act(dossier.id, { type: 'receive', dueAt: dueIn5Days() });
    const coded = await waitFor('code assigned by the server', async () => {
      const d = await localDossier(dakla, dossier.id);
      return d?.code && CODE_PATTERN.test(d.code) ? d : null;
    });
    expect(coded.status).toBe(2);

    const seenByCitizen = await waitFor('citizen sees the code', async () => {
      const d = await localDossier(citizen, dossier.id);
      return d?.code ? d : null;
    });
    expect(seenByCitizen.code).toBe(coded.code);
    expect(seenByCitizen.status).toBe(2);
    await waitFor('citizen has both events', async () => (await localEvents(citizen, dossier.id)).length === 2);
    expect((await localEvents(citizen, dossier.id)).map((e) => e.type).sort()).toEqual(['v1.DossierReceived', 'v1.DossierSubmitted']);

    const blob = await waitFor('Đắk La can read the file', () => readFile(dakla.db, file.id));
    expect(await blob.text()).toBe(bytes);
    expect(blob.type).toBe('application/pdf');

    const marSync = dakmar.startSync();
    await marSync.awaitInSync();
    await dakla.sync!.awaitInSync();
    await marSync.awaitInSync();
    expect(await localDossier(dakmar, dossier.id)).toBeNull();
    expect(await localEvents(dakmar, dossier.id)).toEqual([]);
    expect(await dakmar.db.files.findOne(file.id).exec()).toBeNull();
    expect((await apiGet(dakmar, `/api/files/${file.sha256}`)).status).toBe(404);
  });

  it('keeps both desks’ offline edits of one dossier after they sync', async () => {
    const citizen = await device(CITIZEN, 'citizen');
    const { dossier } = await offlineSubmission(citizen);
    await citizen.startSync().awaitInSync();
    await env.close(citizen);

    const pc = await device('motcua.dakla', 'desk-pc');
    const tablet = await device('motcua.dakla', 'desk-tablet');
    pc.startSync();
    tablet.startSync();
    await waitFor('both desks see the dossier', async () => (await localDossier(pc, dossier.id)) && (await localDossier(tablet, dossier.id)));
    await pc.act(dossier.id, { type: 'receive', dueAt: dueIn5Days() });
    await waitFor('tablet sees the received, coded dossier', async () => (await localDossier(tablet, dossier.id))?.code);
    await pc.sync!.awaitInSync();

    await pc.stopSync();
    await tablet.stopSync();
    const scanA = await saveLocalFile(pc.db, samplePdf('cccd.pdf', 'pc'), { ownerCccd: CITIZEN, agencyId: DAK_LA, dossierId: dossier.id, uploadedBy: pc.user.id });
    const scanB = await saveLocalFile(tablet.db, samplePdf('giay-chung-sinh.pdf', 'tablet'), { ownerCccd: CITIZEN, agencyId: DAK_LA, dossierId: dossier.id, uploadedBy: tablet.user.id });
    const [first, second] = (await localDossier(pc, dossier.id))!.components;
    const attach = (c: TestClient, componentId: string, fileId: string, at: number) =>
      localDossier(c, dossier.id).then((d) =>
        d!.incrementalModify((x) => ({
          ...x,
          components: x.components.map((k) => (k.id === componentId ? { ...k, fileIds: [...k.fileIds, fileId], paperReceived: true } : k)),
          updatedAt: at,
          updatedBy: c.user.id,
        })));
    const secondId = second?.id ?? first!.id;
    await attach(pc, first!.id, scanA.id, Date.now());
    await attach(tablet, secondId, scanB.id, Date.now() + 1);

    await pc.startSync().awaitInSync();
    const resolved: unknown[] = [];
    const tabletSync = tablet.startSync();
    tabletSync.replications.dossiers!.conflict$.subscribe((c) => resolved.push(c));
    await tabletSync.awaitInSync();
    for (const desk of [pc, tablet]) {
      const merged = await waitFor(`${desk.label} has both scans`, async () => {
        const d = await localDossier(desk, dossier.id);
        const ids = d?.components.flatMap((k) => k.fileIds) ?? [];
        return ids.includes(scanA.id) && ids.includes(scanB.id) ? d : null;
      });
      expect(merged.status).toBe(2);
      expect(merged.code).toMatch(CODE_PATTERN);
    }
    expect(resolved.length).toBeGreaterThan(0); // the tablet's push met the pc's and was merged
    expect(await (await waitFor('pc reads the tablet scan', () => readFile(pc.db, scanB.id))).text()).toContain('tablet');
  });

  it('settles a concurrent status change by the state machine and flags the losing side', async () => {
    const citizen = await device(CITIZEN, 'citizen');
    const { dossier } = await offlineSubmission(citizen);
    await citizen.startSync().awaitInSync();

    const pc = await device('motcua.dakla', 'desk-pc');
    const tablet = await device('motcua.dakla', 'desk-tablet');
    pc.startSync();
    tablet.startSync();
    await waitFor('both desks see the dossier', async () => (await localDossier(pc, dossier.id)) && (await localDossier(tablet, dossier.id)));
    await pc.stopSync();
    await tablet.stopSync();

    await pc.act(dossier.id, { type: 'receive', dueAt: dueIn5Days() });
    await tablet.act(dossier.id, { type: 'reject', reason: 'Giấy chứng sinh không hợp lệ' });
    await pc.startSync().awaitInSync();
    await tablet.startSync().awaitInSync();

    for (const c of [pc, tablet, citizen]) {
      const settled = await waitFor(`${c.label} sees the settled dossier`, async () => {
        const d = await localDossier(c, dossier.id);
        return d?.status === 3 && d.conflicts.length > 0 ? d : null;
      });
      expect(settled.conflicts[0]?.note).toContain('không được áp dụng');
      // both actions stay in the history
      await waitFor(`${c.label} has every event`, async () => (await localEvents(c, dossier.id)).length === 3);
    }
  });

  it('pulls the catalog to a device with every collection, asking for a new token after a 401', async () => {
    const officer = await device('motcua.dakla', 'full', { collections: ['agencies', 'procedures', 'dossiers', 'events', 'warehouse', 'files'] });
    let refreshes = 0;
    const sync = officer.startSync({
      getAccessToken: async (o) => {
        if (!o?.refresh) return 'expired-token';
        refreshes++;
        return officer.token();
      },
    });
    await waitFor('catalog pulled', async () => (await officer.db.agencies.count().exec()) >= 4 && (await officer.db.procedures.count().exec()) >= 1);
    expect(refreshes).toBeGreaterThan(0);
    expect((await officer.db.agencies.findOne(DAK_LA).exec())?.dossierPrefix).toBe('H34.29.2');
    await sync.awaitInSync();
    expect(await firstValueFrom(sync.pending$)).toBe(0);
    expect(await firstValueFrom(sync.online$)).toBe(true);
    // officers never receive citizens' drafts
    expect(await officer.db.dossiers.count({ selector: { status: 0 } }).exec()).toBe(0);
    // closing the database while it replicates stops the sync with it
    await closeDatabase(officer.db);
    expect(officer.db.closed).toBe(true);
  });

  it('sends a warehouse paper without the device’s owner index, and takes the server’s version back with it', async () => {
    const desk = await device('motcua.dakla', 'desk-warehouse', { collections: ['warehouse'] });
    const paper = sampleWarehouseDocument({ id: `w-${crypto.randomUUID()}`, ownerCccd: CITIZEN, agencyId: DAK_LA });
    const sync = desk.startSync();
    await desk.db.warehouse.insert(paper);
    const onServer = async () => (await apiGet<{ documents: Array<Record<string, unknown>> }>(desk, '/api/sync/warehouse/pull?limit=1000')).body.documents.find((d) => d.id === paper.id);
    const stored = await waitFor('the paper on the server', onServer);
    expect(stored).not.toHaveProperty('ownerKey');
    await sync.awaitInSync();

    // Edited offline here while another desk changes it on the server: the server's version wins, indexed.
    await desk.stopSync();
    await (await desk.db.warehouse.findOne(paper.id).exec())!.incrementalPatch({ number: '12/2020-sửa-tại-máy', updatedAt: 2 });
    const master = stored as Record<string, unknown>;
    const response = await fetch(`${desk.url}/api/sync/warehouse/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await desk.token()}` },
      body: JSON.stringify([{ assumedMasterState: master, newDocumentState: { ...master, number: '99/2026', updatedAt: 3 } }]),
    });
    expect(response.status).toBe(200);
    const again = desk.startSync();
    await waitFor('the server’s version on the device', async () => (await desk.db.warehouse.findOne(paper.id).exec())?.number === '99/2026');
    await again.awaitInSync();
    const found = await desk.db.warehouse.find({ selector: { ownerKey: await ownerKeyOf(desk.db, CITIZEN) } }).exec();
    expect(found.map((d) => d.id)).toContain(paper.id);
    expect(await firstValueFrom(again.pending$)).toBe(0);
    expect((await onServer())?.number).toBe('99/2026');
  });

  it('keeps counting what waits while the server is unreachable and sends it once it is back', async () => {
    let up = false;
    const network: typeof fetch = async (input, init) => {
      if (!up) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const citizen = await device(CITIZEN, 'citizen', { fetch: network });
    const sync = citizen.startSync();
    const online: boolean[] = [];
    sync.online$.subscribe((o) => online.push(o));
    const { dossier } = await offlineSubmission(citizen);
    await waitFor('pending counted offline', async () => (await firstValueFrom(sync.pending$)) >= 4);
    expect(online).toEqual([false]);
    expect(await firstValueFrom(sync.lastSyncedAt$)).toBeNull();

    up = true;
    await waitFor('sent after reconnecting', async () => (await firstValueFrom(sync.pending$)) === 0);
    expect(online).toEqual([false, true]);
    const { body } = await apiGet<{ documents: Dossier[] }>(citizen, '/api/sync/dossiers/pull?limit=1000');
    expect(body.documents.find((d) => d.id === dossier.id)?.status).toBe(1);
  });

  it('stores an event once when its push is sent twice', async () => {
    const dropped = new Set<string>();
    // Loses the first answer of each collection's push: the server applied it, the device never heard back.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const push = /\/api\/sync\/(\w+)\/push$/.exec(String(input));
      if (push && !dropped.has(push[1]!)) {
        dropped.add(push[1]!);
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const citizen = await device(CITIZEN, 'citizen', { fetch: lossy });
    const { dossier } = await offlineSubmission(citizen);
    const [event] = await localEvents(citizen, dossier.id);
    await waitFor('in sync after retries', async () => {
      const sync = citizen.sync ?? citizen.startSync();
      await sync.awaitInSync();
      return dropped.has('events') && dropped.has('dossiers');
    });

    const { body } = await apiGet<{ documents: DossierEvent[] }>(citizen, '/api/sync/events/pull?limit=1000');
    expect(body.documents.filter((e) => e.id === event!.id)).toHaveLength(1);
    expect(body.documents.find((e) => e.id === event!.id)).toMatchObject({ hash: event!.hash, _deleted: false });

    // The same event pushed again by hand is acknowledged and still stored once.
    const push = async (doc: DossierEvent) => {
      const response = await fetch(`${env.server.url}/api/sync/events/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await citizen.token()}` },
        body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]),
      });
      return { status: response.status, conflicts: (await response.json()) as DossierEvent[] };
    };
    expect(await push(event!)).toEqual({ status: 200, conflicts: [] });
    // An altered copy is not stored: the server answers with its own.
    const altered = await push({ ...event!, comment: 'sửa lại' });
    expect(altered.conflicts.map((e) => e.comment)).toEqual([event!.comment]);
    const again = await apiGet<{ documents: DossierEvent[] }>(citizen, '/api/sync/events/pull?limit=1000');
    expect(again.body.documents.filter((e) => e.id === event!.id)).toEqual([{ ...event, _deleted: false }]);
  });

  it('sets a change the server refuses aside, tells the device, and still sends the changes after it', async () => {
    const citizen = await device(CITIZEN, 'refused');
    const procedure = await someProcedure(citizen);
    const draft = (id: string) => createDossierDraft({
      id, procedure, ownerCccd: CITIZEN, agencyId: DAK_LA, now: new Date(), userId: citizen.user.id,
      applicant: { cccd: CITIZEN, fullName: citizen.user.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '', email: '', address: 'Thôn 1' },
    });
    // A citizen's device that marks its own dossier received: the server never allows it.
    await citizen.db.dossiers.insert({ ...draft('self-received'), status: 2, receivedAt: new Date().toISOString() });
    // …and one that submits its dossier with a code of its own making: refused, named by that code.
    await citizen.db.dossiers.insert({ ...draft('self-coded'), status: 1, code: 'H34.29.2-261124-9999' });
    await citizen.db.dossiers.insert(draft('after-it'));
    const sync = citizen.startSync();
    const refused = await waitFor('the refusals reported', async () => {
      const list = await firstValueFrom(sync.refused$);
      return list.length > 1 ? list : null;
    });
    expect(refused.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      expect.objectContaining({ collection: 'dossiers', id: 'self-coded', code: 'code_readonly', dossierCode: 'H34.29.2-261124-9999' }),
      expect.objectContaining({ collection: 'dossiers', id: 'self-received', code: 'transition_refused', dossierCode: null }),
    ]);
    await waitFor('nothing left waiting', async () => (await firstValueFrom(sync.pending$)) === 0);
    const { body } = await apiGet<{ documents: Dossier[] }>(citizen, '/api/sync/dossiers/pull?limit=1000');
    const ids = body.documents.map((d) => d.id);
    expect(ids).toContain('after-it');
    expect(ids).not.toContain('self-received');
    expect(ids).not.toContain('self-coded');
    sync.clearRefused();
    expect(await firstValueFrom(sync.refused$)).toEqual([]);
  });
});
