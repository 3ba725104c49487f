import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentMismatch, writeDossierContent, type Dossier } from '@motcua/model';
import { engine } from '../sync/dossier-content.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { change, errorCode, pullOne, push, type Doc } from './sync-test-helpers.ts';

let t: TestApp;
let dakla: string;
beforeAll(async () => {
  t = await createTestApp();
  dakla = await t.token('motcua.dakla');
});
afterAll(() => t.close());

const DEVICE_A = 'aaaa0000000000000000000000000001';
const DEVICE_B = 'bbbb0000000000000000000000000002';

/** A device's edit of `master` recorded by its own actor, as the PWA's write hook does. */
function deviceEdit(master: Doc, actor: string, patch: Partial<Dossier>) {
  const next = { ...master, ...patch, updatedAt: Number(master.updatedAt) + 1 } as unknown as Dossier;
  return { assumedMasterState: master, newDocumentState: writeDossierContent(engine, master as unknown as Dossier, next, actor) };
}

async function refused(row: unknown, code: string) {
  const before = await t.store.documents.maxSeq();
  const response = await push(t, dakla, 'dossiers', [row]);
  expect(response.status).toBe(422);
  expect(await errorCode(response)).toBe(code);
  expect(await t.store.documents.maxSeq()).toBe(before);
}

describe('dossier content on push', () => {
  it('records the edits of a client that sends no content, and seeds a stored dossier that had none', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    expect(master.content).toBeUndefined(); // the demo data predates content
    const response = await push(t, dakla, 'dossiers', [change(master, { summary: 'Sửa bởi máy cũ' })]);
    expect(await response.json()).toEqual([]);
    const stored = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    expect(stored.summary).toBe('Sửa bởi máy cũ');
    expect(contentMismatch(engine, stored as unknown as Dossier)).toBeNull();
  });

  it('refuses content that is not its fields, not Automerge, or too large, storing nothing', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-001');
    const good = deviceEdit(master, DEVICE_A, { summary: 'x' });
    await refused({ ...good, newDocumentState: { ...good.newDocumentState, summary: 'smuggled' } }, 'content_mismatch');
    await refused({ ...good, newDocumentState: { ...good.newDocumentState, content: 'AAAA' } }, 'content_invalid');
    const huge = 'A'.repeat(400 * 1024);
    await refused({ ...good, newDocumentState: { ...good.newDocumentState, content: huge } }, 'content_too_large');
  });

  it('merges two devices’ offline edits of different fields on the server, once', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const a = deviceEdit(master, DEVICE_A, { applicant: { ...(master.applicant as Dossier['applicant']), phone: '0911111111' } });
    const b = deviceEdit(master, DEVICE_B, { applicant: { ...(master.applicant as Dossier['applicant']), address: 'Thôn 9' } });
    expect(await (await push(t, dakla, 'dossiers', [a])).json()).toEqual([]);

    const [answer] = (await (await push(t, dakla, 'dossiers', [b])).json()) as Doc[];
    expect(answer!.applicant).toMatchObject({ phone: '0911111111', address: 'Thôn 9' });
    const stored = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    expect(stored).toEqual(answer);
    expect(contentMismatch(engine, stored as unknown as Dossier)).toBeNull();

    // The same push again (a retry after a lost answer) stores nothing and gets the same answer.
    const seq = await t.store.documents.maxSeq();
    expect(await (await push(t, dakla, 'dossiers', [b])).json()).toEqual([answer]);
    expect(await (await push(t, dakla, 'dossiers', [a])).json()).toEqual([answer]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
  });

  it('merges a stale push from a client that sends no content by the fields it changed', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-003');
    const { content: _content, ...legacyView } = master;
    const a = deviceEdit(master, DEVICE_A, { applicant: { ...(master.applicant as Dossier['applicant']), address: 'Thôn 3' } });
    expect(await (await push(t, dakla, 'dossiers', [a])).json()).toEqual([]);
    const old = {
      assumedMasterState: legacyView,
      newDocumentState: { ...legacyView, applicant: { ...(master.applicant as Dossier['applicant']), phone: '0933333333' }, updatedAt: Number(master.updatedAt) + 2 },
    };
    const [answer] = (await (await push(t, dakla, 'dossiers', [old])).json()) as Doc[];
    expect(answer!.applicant).toMatchObject({ phone: '0933333333', address: 'Thôn 3' });
    const seq = await t.store.documents.maxSeq();
    expect(await (await push(t, dakla, 'dossiers', [old])).json()).toEqual([answer]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
  });

  it('keeps content changes a client skipped even when it assumed the right master', async () => {
    const master = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const a = deviceEdit(master, DEVICE_A, { summary: 'A' });
    expect(await (await push(t, dakla, 'dossiers', [a])).json()).toEqual([]);
    // A buggy client: its content lost the stored history but it claims the current master.
    const stale = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    const rewritten = deviceEdit(master, DEVICE_B, { returnMethod: 'post' });
    await push(t, dakla, 'dossiers', [{ assumedMasterState: stale, newDocumentState: rewritten.newDocumentState }]);
    const stored = await pullOne(t, dakla, 'dossiers', 'demo-hs-002');
    expect(stored).toMatchObject({ summary: 'A', returnMethod: 'post' });
  });
});
