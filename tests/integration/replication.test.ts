/**
 * Devices replicating through the real sync server, on PGlite and on PostgreSQL: a citizen's
 * offline dossier reaches the commune desk and comes back with its code, scope holds, files travel,
 * concurrent offline actions are applied in turn (edits of different parts both kept, a move made
 * from a status the dossier has left kept as refused), and retried pushes store nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { canonicalJson, createDossierDraft, TransitionError, type Dossier, type DossierEvent } from '@motcua/model';
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
    // its two events (create, submit) + the files document + the file's bytes were waiting: the
    // dossier itself never goes up
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
    await waitFor('citizen has every event', async () => (await localEvents(citizen, dossier.id)).length === 3);
    const history = await localEvents(citizen, dossier.id);
    expect(history.map((e) => e.type).sort()).toEqual(['v1.DossierCreated', 'v1.DossierReceived', 'v1.DossierSubmitted']);
    expect(history.map((e) => e.outcome?.status)).toEqual(['applied', 'applied', 'applied']);

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
    // Each desk adds its scan to a component, as the reception screen does: a content edit.
    const attach = (c: TestClient, componentId: string, fileId: string) =>
      c.edit(dossier.id, (x) => ({
        ...x,
        components: x.components.map((k) => (k.id === componentId ? { ...k, fileIds: [...k.fileIds, fileId], paperReceived: true } : k)),
      }));
    const secondId = second?.id ?? first!.id;
    const { event: pcEdit } = await attach(pc, first!.id, scanA.id);
    const { event: tabletEdit } = await attach(tablet, secondId, scanB.id);

    await pc.startSync().awaitInSync();
    await tablet.startSync().awaitInSync();
    for (const desk of [pc, tablet]) {
      const merged = await waitFor(`${desk.label} has both scans`, async () => {
        const d = await localDossier(desk, dossier.id);
        const ids = d?.components.flatMap((k) => k.fileIds) ?? [];
        return ids.includes(scanA.id) && ids.includes(scanB.id) ? d : null;
      });
      expect(merged.status).toBe(2);
      expect(merged.code).toMatch(CODE_PATTERN);
      expect(merged.conflicts).toEqual([]);
    }
    // The tablet's edit was made without the pc's and applied on top of it: both kept, in one content.
    const { body } = await apiGet<{ documents: DossierEvent[] }>(pc, '/api/sync/events/pull?limit=1000');
    for (const edit of [pcEdit, tabletEdit]) {
      expect(body.documents.find((e) => e.id === edit.id)?.outcome).toMatchObject({ status: 'applied' });
    }
    const onServer = (await apiGet<{ documents: Dossier[] }>(pc, '/api/sync/dossiers/pull?limit=1000')).body.documents.find((d) => d.id === dossier.id)!;
    await waitFor('both desks hold the server’s content', async () =>
      (await localDossier(pc, dossier.id))?.content === onServer.content && (await localDossier(tablet, dossier.id))?.content === onServer.content);
    expect(await (await waitFor('pc reads the tablet scan', () => readFile(pc.db, scanB.id))).text()).toContain('tablet');
  });

  it('keeps the later of two concurrent status changes as refused, listed with its author at the desk, and every device converges', async () => {
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

    // The pc's reception reached the server first; the tablet's rejection was made from «Submitted»,
    // a status the dossier had left: kept as refused, listed with its author on both desks.
    let refusedId = '';
    for (const c of [pc, tablet]) {
      const settled = await waitFor(`${c.label} sees the settled dossier`, async () => {
        const d = await localDossier(c, dossier.id);
        return d?.status === 2 && d.conflicts.length > 0 ? d : null;
      });
      expect(settled.conflicts).toEqual([expect.objectContaining({ action: 'Từ chối', by: tablet.user.fullName })]);
      expect(settled.conflicts[0]?.note).toContain('trước khi thao tác này tới máy chủ');
      refusedId = settled.conflicts[0]!.eventId;
      // both actions stay in the history
      await waitFor(`${c.label} has every event`, async () => (await localEvents(c, dossier.id)).length === 3);
      const refused = (await localEvents(c, dossier.id)).find((e) => e.id === refusedId);
      expect(refused).toMatchObject({ type: 'v1.DossierRejected', actor: { userId: tablet.user.id }, outcome: { status: 'refused', code: 'transition_refused' } });
    }
    const held = async (c: TestClient) => canonicalJson((await localDossier(c, dossier.id))!.toJSON());
    await waitFor('the desks hold the same dossier', async () => (await held(pc)) === (await held(tablet)));
    // The citizen's device converges on the received dossier; officers' refusals stay at the agency
    // (the citizen's view lists none, and the refused event comes without its reason).
    const seen = await waitFor('citizen sees the received dossier', async () => {
      const d = await localDossier(citizen, dossier.id);
      return d?.status === 2 && (await localEvents(citizen, dossier.id)).length === 4 ? d : null;
    });
    expect(seen.conflicts).toEqual([]);
    const theirs = (await localEvents(citizen, dossier.id)).find((e) => e.id === refusedId);
    expect(theirs).toMatchObject({ type: 'v1.DossierRejected', outcome: { status: 'refused', code: '', reason: '' } });
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
    // KNOWN BUG, apps/pwa/src/db/pending.ts (reported, not ours to fix): between the push of the
    // `create` and that of the `submit`, the events replication is briefly idle and the recheck
    // counts the never-sent `submit` (no RxDB meta record yet) as settled, so `pending$` reads 0 for
    // ~50 ms while it still waits. Until it is fixed the wait also asks the replication to be in sync.
    await waitFor('sent after reconnecting', async () => {
      await sync.awaitInSync();
      return (await firstValueFrom(sync.pending$)) === 0;
    });
    expect(online).toEqual([false, true]);
    const { body } = await apiGet<{ documents: Dossier[] }>(citizen, '/api/sync/dossiers/pull?limit=1000');
    expect(body.documents.find((d) => d.id === dossier.id)?.status).toBe(1);
    expect((await localEvents(citizen, dossier.id)).map((e) => e.outcome?.status)).toEqual(['applied', 'applied']);
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
    const sent = await localEvents(citizen, dossier.id);
    expect(sent.map((e) => e.type).sort()).toEqual(['v1.DossierCreated', 'v1.DossierSubmitted']);
    await waitFor('in sync after retries', async () => {
      const sync = citizen.sync ?? citizen.startSync();
      await sync.awaitInSync();
      return dropped.has('events') && (await localEvents(citizen, dossier.id)).every((e) => e.outcome?.status === 'applied');
    });

    const { body } = await apiGet<{ documents: DossierEvent[] }>(citizen, '/api/sync/events/pull?limit=1000');
    for (const event of sent) {
      expect(body.documents.filter((e) => e.id === event.id)).toHaveLength(1);
      expect(body.documents.find((e) => e.id === event.id)).toMatchObject({ hash: event.hash, outcome: { status: 'applied' }, _deleted: false });
    }
    // The retried `create` made the dossier once, and the retried `submit` moved it once.
    const dossiers = (await apiGet<{ documents: Dossier[] }>(citizen, '/api/sync/dossiers/pull?limit=1000')).body.documents;
    expect(dossiers.filter((d) => d.id === dossier.id).map((d) => d.status)).toEqual([1]);

    // The same event pushed again by hand (as the device made it) is answered with what became of it, stored once.
    const event = (await localEvents(citizen, dossier.id)).find((e) => e.type === 'v1.DossierSubmitted')!;
    const { outcome, ...asMade } = event;
    const push = async (doc: Omit<DossierEvent, 'outcome'>) => {
      const response = await fetch(`${env.server.url}/api/sync/events/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await citizen.token()}`, 'X-Device-Id': citizen.deviceId },
        body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await push(asMade)).toEqual({ status: 200, body: [{ ...event, _deleted: false }] });
    // An altered copy is refused whole and stores nothing.
    const altered = await push({ ...asMade, comment: 'sửa lại' });
    expect(altered).toMatchObject({ status: 422, body: { error: { code: 'event_altered' } } });
    const again = await apiGet<{ documents: DossierEvent[] }>(citizen, '/api/sync/events/pull?limit=1000');
    expect(again.body.documents.filter((e) => e.id === event.id)).toEqual([{ ...event, _deleted: false }]);
    expect(outcome).toMatchObject({ status: 'applied' });
  });

  it('refuses a citizen’s own reception or code on the device and a pushed dossier state on the server, and still sends the changes after it', async () => {
    const citizen = await device(CITIZEN, 'refused');
    const procedure = await someProcedure(citizen);
    const draft = (id: string) => createDossierDraft({
      id, procedure, ownerCccd: CITIZEN, agencyId: DAK_LA, now: new Date(), userId: citizen.user.id,
      applicant: { cccd: CITIZEN, fullName: citizen.user.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '', email: '', address: 'Thôn 1' },
    });
    const ids = { received: `self-received-${crypto.randomUUID()}`, coded: `self-coded-${crypto.randomUUID()}`, after: `after-it-${crypto.randomUUID()}` };
    // Through the writer a citizen cannot mark their own draft received: the model refuses it here, nothing is recorded.
    await citizen.saveDraft(draft(ids.received));
    await expect(citizen.act(ids.received, { type: 'receive', dueAt: dueIn5Days() })).rejects.toBeInstanceOf(TransitionError);
    expect((await localDossier(citizen, ids.received))?.status).toBe(0);
    expect(await localEvents(citizen, ids.received)).toEqual([]);
    // …nor give it a code of their own making: a code is no content, the writer never records it.
    await citizen.create({ ...draft(ids.coded), code: 'H34.29.2-261124-9999' }, procedure);
    const { dossier: coded } = await citizen.act(ids.coded, { type: 'submit' });
    expect(coded).toMatchObject({ status: 1, code: null });

    // A device that pushes the dossier states itself (an app from before actions) is told to update; nothing is stored.
    const rawPush = async (rows: Dossier[]) => {
      const response = await fetch(`${citizen.url}/api/sync/dossiers/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await citizen.token()}`, 'X-Device-Id': citizen.deviceId },
        body: JSON.stringify(rows.map((d) => ({ assumedMasterState: null, newDocumentState: { ...d, _deleted: false } }))),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const selfReceived = { ...draft(`raw-received-${crypto.randomUUID()}`), status: 2, receivedAt: new Date().toISOString() };
    const selfCoded = { ...draft(`raw-coded-${crypto.randomUUID()}`), status: 1, code: 'H34.29.2-261124-9999' };
    for (const raw of [selfReceived, selfCoded]) expect(await rawPush([raw])).toMatchObject({ status: 426, body: { error: { code: 'app_outdated' } } });

    await citizen.create(draft(ids.after), procedure);
    await citizen.act(ids.after, { type: 'submit' });
    const sync = citizen.startSync();
    await waitFor('every action answered', async () => {
      await sync.awaitInSync();
      const mine = (await citizen.db.events.find({ selector: { deviceId: citizen.deviceId } }).exec()).map((e) => e.toJSON() as DossierEvent);
      return mine.length === 4 && mine.every((e) => e.outcome?.status === 'applied') && (await firstValueFrom(sync.pending$)) === 0;
    });
    expect(await firstValueFrom(sync.refused$)).toEqual([]);
    const { body } = await apiGet<{ documents: Dossier[] }>(citizen, '/api/sync/dossiers/pull?limit=1000');
    const onServer = new Map(body.documents.map((d) => [d.id, d]));
    expect(onServer.get(ids.after)?.status).toBe(1);
    expect(onServer.get(ids.coded)).toMatchObject({ status: 1, code: null });
    expect(onServer.has(ids.received)).toBe(false);
    expect(onServer.has(selfReceived.id)).toBe(false);
    expect(onServer.has(selfCoded.id)).toBe(false);
    expect(body.documents.some((d) => d.code === 'H34.29.2-261124-9999')).toBe(false);
  });
});
