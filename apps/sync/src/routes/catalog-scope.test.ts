import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { change, errorCode, pullAll, push } from './sync-test-helpers.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('quantri');
});
afterAll(() => t.close());

describe("a province administrator's catalog", () => {
  it("edits the province's own communes, never moves another province's commune under it, nor edits the nation", async () => {
    const agencies = await pullAll(t, admin, 'agencies');
    const byPrefix = (prefix: string) => agencies.find((a) => a.dossierPrefix === prefix)!;
    const [dakLa, iaDer, nation, konTum] = [byPrefix('H34.29.2'), byPrefix('H21.5.1'), byPrefix('QG'), byPrefix('H34')];
    expect((await push(t, admin, 'agencies', [change(dakLa, { phone: '0260 000 000' })])).status).toBe(200);
    const takeover = await push(t, admin, 'agencies', [change(iaDer, { parentId: konTum.id })]);
    expect(takeover.status).toBe(403);
    expect(await errorCode(takeover)).toBe('catalog_scope');
    expect((await push(t, admin, 'agencies', [change(dakLa, { parentId: nation.id })])).status).toBe(403);
    expect((await push(t, admin, 'agencies', [change(nation, { name: 'Đổi tên' })])).status).toBe(403);
    expect((await push(t, admin, 'agencies', [change(konTum, { parentId: null })])).status).toBe(403);
    const after = await pullAll(t, admin, 'agencies');
    expect(after.find((a) => a.id === iaDer.id)!.parentId).toBe(iaDer.parentId);
  });

  it("edits the procedures the province publishes, not another province's", async () => {
    const procedures = await pullAll(t, admin, 'procedures');
    const own = procedures.find((p) => String(p.id).endsWith('.H34'))!;
    expect((await push(t, admin, 'procedures', [change(own, { name: `${String(own.name)} (sửa)` })])).status).toBe(200);
    // Gia Lai's entry of the same procedure, as its province would publish it.
    const foreign = { ...own, id: String(own.id).replace(/\.H34$/, '.H21'), _deleted: false };
    expect((await push(t, admin, 'procedures', [{ assumedMasterState: null, newDocumentState: foreign }])).status).toBe(403);
    const elsewhere = await push(t, admin, 'procedures', [change(own, { agencyIds: ['agency-of-another-province'] })]);
    expect(elsewhere.status).toBe(403);
  });
});
