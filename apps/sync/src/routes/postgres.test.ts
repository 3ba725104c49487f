/**
 * The push path on a real PostgreSQL server, where writes really run concurrently on a pool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { change, freshSubmission, pullAll, pullOne, push, receive } from './sync-test-helpers.ts';

describe('sync on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { database: 'postgres' });
  });
  afterAll(() => t?.close());

  it('issues distinct codes when two desks of one agency receive at the same moment', async () => {
    const desk = await t.token('motcua.dakla');
    const leader = await t.token('chutich.dakla');
    const queue = (await pullAll(t, desk, 'dossiers')).filter((d) => d.status === 1);
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const responses = await Promise.all(queue.map((d) => push(t, desk, 'dossiers', [receive(d)])));
    expect(responses.map((r) => r.status)).toEqual(queue.map(() => 200));
    const codes = (await pullAll(t, leader, 'dossiers')).map((d) => d.code);
    expect(new Set(codes).size).toBe(queue.length);
  });

  it('answers the loser of a concurrent edit with the master document', async () => {
    const desk = await t.token('motcua.dakla');
    const master = await pullOne(t, desk, 'dossiers', 'demo-hs-001');
    const [a, b] = await Promise.all([
      push(t, desk, 'dossiers', [change(master, { summary: 'A' })]),
      push(t, desk, 'dossiers', [change(master, { summary: 'B' })]),
    ]);
    const results = [await a.json(), await b.json()];
    expect(results.filter((r) => r.length === 0)).toHaveLength(1);
    const winner = (await pullOne(t, desk, 'dossiers', 'demo-hs-001')).summary;
    expect(results.find((r) => r.length === 1)[0].summary).toBe(winner);
  });

  it('never lets a puller skip a row that commits late', async () => {
    const citizen = await t.token('062099000123');
    const desk = await t.token('motcua.dakla');
    let checkpoint = (await (await t.call('GET', '/api/sync/dossiers/pull?limit=1000', { token: desk })).json()).checkpoint;
    const seen = new Set<string>();
    const mine = await pullOne(t, citizen, 'dossiers', 'demo-hs-003');
    const writes = Array.from({ length: 8 }, (_, i) =>
      push(t, citizen, 'dossiers', [{ assumedMasterState: null, newDocumentState: freshSubmission(mine, `late-${i}`) }]),
    );
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
