import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contentEdit, signIn, testDevice, type SignedIn } from './action-test-helpers.ts';
import { change, errorCode, pullOne, push } from './sync-test-helpers.ts';

let t: TestApp;
let an: string;
let desk: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  an = await t.token('062099000123');
  desk = await signIn(t, 'motcua.dakla');
});
afterAll(() => t.close());

/** Runs `attempt` and checks it answers `status`/`code` in our JSON shape and stores nothing. */
async function refusedWithoutTrace(attempt: () => Promise<Response>, status: number, code: string) {
  const before = await t.store.documents.maxSeq();
  const response = await attempt();
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
  expect(await errorCode(response)).toBe(code);
  expect(await t.store.documents.maxSeq()).toBe(before);
}

describe('bad push input', () => {
  it('malformed JSON → 400', () =>
    refusedWithoutTrace(() => t.call('POST', '/api/sync/dossiers/push', { token: an, body: '[{"assumedMasterState":' }), 400, 'malformed_json'));

  it('not an array, or rows of the wrong shape → 400', async () => {
    await refusedWithoutTrace(() => push(t, an, 'dossiers', { id: 'x' }), 400, 'invalid_push');
    await refusedWithoutTrace(() => push(t, an, 'dossiers', [{ newDocumentState: 'x' }]), 400, 'invalid_push');
    await refusedWithoutTrace(() => push(t, an, 'dossiers', [null]), 400, 'invalid_push');
  });

  it('more than 500 rows → 400', async () => {
    const dossier = await pullOne(t, an, 'dossiers', 'demo-hs-003');
    await refusedWithoutTrace(() => push(t, an, 'dossiers', Array.from({ length: 501 }, () => change(dossier, {}))), 400, 'too_many_rows');
  });

  it('a schema-invalid document refuses the whole batch → 422', async () => {
    const dossier = await pullOne(t, desk[0], 'dossiers', 'demo-hs-003');
    const device = testDevice(t);
    const good = await device.record(desk[1], dossier, { type: 'editContent', changes: contentEdit(dossier, (c) => ({ ...c, summary: 'hợp lệ' })) });
    const other = await pullOne(t, desk[0], 'dossiers', 'demo-hs-001');
    const bad = await device.record(desk[1], other, { type: 'editContent', comment: 'sai' });
    await refusedWithoutTrace(() => device.pushEvents(desk[0], [good.event, { ...bad.event, toStatus: 'mới', unexpected: true }]), 422, 'schema_invalid');
    expect((await pullOne(t, desk[0], 'dossiers', 'demo-hs-003')).summary).toBe(dossier.summary);
    // A dossier state, as a device from before actions sent it, is not read at all.
    const state = change(dossier, { status: 'mới', unexpected: true });
    await refusedWithoutTrace(() => push(t, desk[0], 'dossiers', [state]), 426, 'app_outdated');
  });

  it('RxDB bookkeeping fields are ignored, others are refused', async () => {
    const dossier = await pullOne(t, desk[0], 'dossiers', 'demo-hs-003');
    const device = testDevice(t);
    const edit = { type: 'editContent', changes: contentEdit(dossier, (c) => ({ ...c, summary: 'có _meta' })) } as const;
    const { event } = await device.record(desk[1], dossier, edit);
    const ok = await device.pushEvents(desk[0], [{ ...event, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} }]);
    expect(ok.status).toBe(200);
    expect((await pullOne(t, desk[0], 'dossiers', 'demo-hs-003')).summary).toBe('có _meta');
    const next = await device.record(desk[1], dossier, { type: 'editContent', comment: 'có _secret' });
    await refusedWithoutTrace(() => device.pushEvents(desk[0], [{ ...next.event, _secret: 1 }]), 422, 'schema_invalid');
  });

  it('text PostgreSQL cannot hold → 422, not a crash', async () => {
    const dossier = await pullOne(t, desk[0], 'dossiers', 'demo-hs-003');
    const device = testDevice(t);
    for (const comment of ['a\u0000b', 'a\ud800b']) {
      const { event } = await device.record(desk[1], dossier, { type: 'editContent', comment });
      await refusedWithoutTrace(() => device.pushEvents(desk[0], [event]), 422, 'invalid_text');
    }
  });

  it('unknown collection → 404', () =>
    refusedWithoutTrace(() => push(t, an, 'users', []), 404, 'unknown_collection'));

  it('over 5 MB → 413', () =>
    refusedWithoutTrace(() => t.call('POST', '/api/sync/dossiers/push', { token: an, body: `[${' '.repeat(5 * 1024 * 1024)}]` }), 413, 'payload_too_large'));

  it('an empty batch is fine', async () => {
    const response = await push(t, an, 'events', []);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });
});

describe('odd input never crashes the server', () => {
  it('deeply nested event data → 422', async () => {
    const [event] = (await (await t.call('GET', '/api/sync/events/pull', { token: an })).json()).documents;
    const row = JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...event, id: 'deep', data: 'DEEP' } }]);
    const body = row.replace('"DEEP"', '{"d":'.repeat(5000) + '{}' + '}'.repeat(5000));
    const response = await t.call('POST', '/api/sync/events/push', { token: an, body });
    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe('too_deep');
  });

  it('deeply nested JSON arrays → 400', async () => {
    const response = await t.call('POST', '/api/sync/dossiers/push', { token: an, body: '['.repeat(200_000) + ']'.repeat(200_000) });
    expect(response.status).toBe(400);
  });

  it('odd paths and queries → 4xx JSON', async () => {
    for (const path of ['/api/sync/%ZZ/pull', '/api/sync/dossiers/pull?checkpoint=%7B%22seq%22%3A1e400%7D', '/api/sync//pull', '/api/files/%00']) {
      const response = await t.call('GET', path, { token: an });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });
});
