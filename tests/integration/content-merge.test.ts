/**
 * Two desk devices edit different fields of one dossier offline (the applicant's phone on one, the
 * address on the other, a different component each), each through the writer as one content edit
 * action, then sync: the server applies the second edit's Automerge change on top of the first, and
 * the server and both devices end with both edits and byte-identical content.
 */
import { describe, expect, it } from 'vitest';
import { contentMismatch, ContentPolicyError, type Dossier, type DossierEvent } from '@motcua/model';
import { loadContentEngine } from '../../apps/pwa/src/db/content-engine.ts';
import { TEST_DATABASES } from '../helpers/server.ts';
import { type TestClient, useServerAndDevices, waitFor } from './clients.ts';
import { apiGet, localDossier } from './steps.ts';

const DOSSIER = 'demo-hs-001';

describe.each(TEST_DATABASES)('concurrent offline content edits on %s', (storage) => {
  const env = useServerAndDevices(storage, { collections: ['dossiers', 'events'] });
  const device = env.device;

  async function inSync(c: TestClient): Promise<void> {
    const sync = c.sync ?? c.startSync();
    await sync.awaitInSync();
  }

  const plain = async (c: TestClient) => (await localDossier(c, DOSSIER))!.toJSON() as Dossier;

  it('keeps both desks’ edits and ends with the same bytes everywhere', async () => {
    const pc = await device('motcua.dakla', 'desk-pc');
    const tablet = await device('motcua.dakla', 'desk-tablet');
    for (const c of [pc, tablet]) {
      c.startSync();
      await waitFor(`${c.label} has the dossier`, () => localDossier(c, DOSSIER));
      await inSync(c);
      await c.stopSync();
    }
    const before = await plain(pc);
    expect(before.status).toBe(1);
    const [first, second] = before.components;

    // Offline, each device edits as its screens do: one content edit action through the writer.
    const { event: pcEdit } = await pc.edit(DOSSIER, (d) => ({
      ...d,
      applicant: { ...d.applicant, phone: '0911000111' },
      components: d.components.map((c) => (c.id === first!.id ? { ...c, fileIds: [...c.fileIds, 'f-desk'], paperReceived: true } : c)),
    }));
    const { event: tabletEdit } = await tablet.edit(DOSSIER, (d) => ({
      ...d,
      applicant: { ...d.applicant, address: 'Thôn 7, xã Đắk La' },
      components: d.components.map((c) => (c.id === second!.id ? { ...c, fileIds: [...c.fileIds, 'f-tablet'] } : c)),
    }));
    expect(pcEdit.action?.changes).toHaveLength(1);
    expect(tabletEdit.action?.changes).toHaveLength(1);

    await inSync(pc);
    await inSync(tablet);
    const both = (d: Dossier | null) =>
      d?.applicant.phone === '0911000111' && d.applicant.address === 'Thôn 7, xã Đắk La' ? d : null;
    const onTablet = await waitFor('the tablet has both edits', async () => both(await plain(tablet)));
    const onPc = await waitFor('the pc has both edits', async () => both(await plain(pc)));
    const { body } = await apiGet<{ documents: Dossier[] }>(pc, '/api/sync/dossiers/pull?limit=1000');
    const onServer = body.documents.find((d) => d.id === DOSSIER)!;
    const events = (await apiGet<{ documents: DossierEvent[] }>(pc, '/api/sync/events/pull?limit=1000')).body.documents;
    for (const edit of [pcEdit, tabletEdit]) {
      expect(events.find((e) => e.id === edit.id)).toMatchObject({ type: 'v1.ContentEdited', outcome: { status: 'applied' } });
    }

    for (const d of [onServer, onPc, onTablet]) {
      expect(d.status).toBe(1);
      expect(d.conflicts).toEqual([]);
      expect(d.applicant).toMatchObject({ phone: '0911000111', address: 'Thôn 7, xã Đắk La' });
      expect(d.components.find((c) => c.id === first!.id)).toMatchObject({ fileIds: [...first!.fileIds, 'f-desk'], paperReceived: true });
      expect(d.components.find((c) => c.id === second!.id)?.fileIds).toEqual([...second!.fileIds, 'f-tablet']);
      expect(contentMismatch(await loadContentEngine(), d)).toBeNull();
    }
    await waitFor('both devices hold the server’s bytes', async () =>
      (await plain(pc)).content === onServer.content && (await plain(tablet)).content === onServer.content);
    await inSync(pc);
    await inSync(tablet);
    expect((await plain(pc)).content).toBe(onServer.content);
    expect((await plain(tablet)).content).toBe(onServer.content);
  });

  it('refuses on the device an edit the content policy does not grant the role at this status', async () => {
    const specialist = await device('chuyenvien.dakla', 'specialist');
    specialist.startSync();
    await waitFor('the specialist has the dossier', () => localDossier(specialist, DOSSIER));
    await inSync(specialist);
    // A specialist edits files only while processing; this dossier is still waiting at the desk.
    await expect(specialist.edit(DOSSIER, (d) => ({ ...d, applicant: { ...d.applicant, address: 'Thôn 9' } }))).rejects.toBeInstanceOf(ContentPolicyError);
    expect((await specialist.db.events.find({ selector: { deviceId: specialist.deviceId } }).exec())).toEqual([]);
  });
});
