/**
 * The push path on a real PostgreSQL server, where writes really run concurrently on a pool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contentEdit, dueIn, signIn, submitNew, testDevice } from './action-test-helpers.ts';
import { pullAll, pullOne, type Doc } from './sync-test-helpers.ts';

describe('sync on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { database: 'postgres' });
  });
  afterAll(() => t?.close());

  it('issues distinct codes when two desks of one agency receive at the same moment', async () => {
    const desk = await signIn(t, 'motcua.dakla');
    const leader = await t.token('chutich.dakla');
    const queue = (await pullAll(t, desk[0], 'dossiers')).filter((d) => d.status === 1);
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const answers = await Promise.all(queue.map((d) => testDevice(t).act(...desk, d, { type: 'receive', dueAt: dueIn() })));
    expect(answers.map((a) => a.stored?.outcome?.status)).toEqual(queue.map(() => 'applied'));
    const codes = (await pullAll(t, leader, 'dossiers')).map((d) => d.code);
    expect(codes.every((code) => typeof code === 'string')).toBe(true);
    expect(new Set(codes).size).toBe(queue.length);
  });

  it('keeps both of two concurrent edits of one dossier from two devices', async () => {
    const desk = await signIn(t, 'motcua.dakla');
    const master = await pullOne(t, desk[0], 'dossiers', 'demo-hs-001');
    const applicant = (d: Doc) => d.applicant as { phone: string; address: string };
    const [a, b] = await Promise.all([
      testDevice(t).act(...desk, master, { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, applicant: { ...c.applicant, phone: '0911111111' } })) }),
      testDevice(t).act(...desk, master, { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, applicant: { ...c.applicant, address: 'Thôn 9' } })) }),
    ]);
    expect([a.stored?.outcome?.status, b.stored?.outcome?.status]).toEqual(['applied', 'applied']);
    expect(applicant(await pullOne(t, desk[0], 'dossiers', 'demo-hs-001'))).toMatchObject({ phone: '0911111111', address: 'Thôn 9' });
  });

  it('never lets a puller skip a row that commits late', async () => {
    const citizen = await signIn(t, '062099000123');
    const desk = await t.token('motcua.dakla');
    let checkpoint = (await (await t.call('GET', '/api/sync/dossiers/pull?limit=1000', { token: desk })).json()).checkpoint;
    const seen = new Set<string>();
    const writes = Array.from({ length: 8 }, (_, i) => submitNew(t, citizen, { id: `late-${i}` }));
    const reads = (async () => {
      for (let i = 0; i < 20; i++) {
        const page = await (await t.call('GET', `/api/sync/dossiers/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`, { token: desk })).json();
        for (const doc of page.documents) seen.add(doc.id);
        checkpoint = page.checkpoint;
      }
    })();
    await Promise.all([...writes, reads]);
    const rest = await (await t.call('GET', `/api/sync/dossiers/pull?limit=1000&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`, { token: desk })).json();
    for (const doc of rest.documents) seen.add(doc.id);
    for (let i = 0; i < 8; i++) expect(seen.has(`late-${i}`)).toBe(true);
  });
});
