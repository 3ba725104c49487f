/**
 * Two officers' devices edit different fields of one dossier offline (the applicant's phone on one,
 * the address on the other, a different component each), then sync: the server merges the second
 * push with Automerge, and the server and both devices end with both edits and byte-identical content.
 */
import { describe, expect, it } from 'vitest';
import { contentMismatch, type Dossier } from '@motcua/model';
import { loadContentEngine } from '../../apps/pwa/src/db/content-engine.ts';
import { TEST_DATABASES } from '../helpers/server.ts';
import { type TestClient, useServerAndDevices, waitFor } from './clients.ts';
import { apiGet, localDossier } from './steps.ts';

const DOSSIER = 'demo-hs-001';

describe.each(TEST_DATABASES)('concurrent offline content edits on %s', (storage) => {
  const env = useServerAndDevices(storage, { collections: ['dossiers'] });
  const device = env.device;

  async function inSync(c: TestClient): Promise<void> {
    const sync = c.sync ?? c.startSync();
    await sync.awaitInSync();
  }

  const plain = async (c: TestClient) => (await localDossier(c, DOSSIER))!.toJSON() as Dossier;

  it('keeps both officers’ edits and ends with the same bytes everywhere', async () => {
    const desk = await device('motcua.dakla', 'desk');
    const specialist = await device('chuyenvien.dakla', 'specialist');
    for (const c of [desk, specialist]) {
      c.startSync();
      await waitFor(`${c.label} has the dossier`, () => localDossier(c, DOSSIER));
      await inSync(c);
      await c.stopSync();
    }
    const before = await plain(desk);
    const [first, second] = before.components;

    // Offline, each device writes as its screens do (the database's write hook records the change).
    await (await localDossier(desk, DOSSIER))!.incrementalModify((d) => ({
      ...d,
      applicant: { ...d.applicant, phone: '0911000111' },
      components: d.components.map((c) => (c.id === first!.id ? { ...c, fileIds: [...c.fileIds, 'f-desk'], paperReceived: true } : c)),
      updatedAt: Date.now(),
    }));
    await (await localDossier(specialist, DOSSIER))!.incrementalModify((d) => ({
      ...d,
      applicant: { ...d.applicant, address: 'Thôn 7, xã Đắk La' },
      components: d.components.map((c) => (c.id === second!.id ? { ...c, fileIds: [...c.fileIds, 'f-specialist'] } : c)),
      updatedAt: Date.now() + 1,
    }));

    await inSync(desk);
    await inSync(specialist);
    const both = (d: Dossier | null) =>
      d?.applicant.phone === '0911000111' && d.applicant.address === 'Thôn 7, xã Đắk La' ? d : null;
    const onSpecialist = await waitFor('the specialist has both edits', async () => both(await plain(specialist)));
    const onDesk = await waitFor('the desk has both edits', async () => both(await plain(desk)));
    const { body } = await apiGet<{ documents: Dossier[] }>(desk, '/api/sync/dossiers/pull?limit=1000');
    const onServer = body.documents.find((d) => d.id === DOSSIER)!;

    for (const d of [onServer, onDesk, onSpecialist]) {
      expect(d.applicant).toMatchObject({ phone: '0911000111', address: 'Thôn 7, xã Đắk La' });
      expect(d.components.find((c) => c.id === first!.id)).toMatchObject({ fileIds: [...first!.fileIds, 'f-desk'], paperReceived: true });
      expect(d.components.find((c) => c.id === second!.id)?.fileIds).toEqual([...second!.fileIds, 'f-specialist']);
      expect(contentMismatch(await loadContentEngine(), d)).toBeNull();
    }
    expect(onDesk.content).toBe(onServer.content);
    expect(onSpecialist.content).toBe(onServer.content);
    await inSync(desk);
    await inSync(specialist);
    expect((await plain(desk)).content).toBe(onServer.content);
  });
});
