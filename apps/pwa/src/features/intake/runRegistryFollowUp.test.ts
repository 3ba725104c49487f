import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DossierEventType, verifyChain, type Dossier, type DossierEvent, type SessionUser } from '@motcua/model';
import { sha256Hex } from '@motcua/crypto';
import { closeDatabase, createDatabase, type MotcuaDatabase } from '../../db/database.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from '../../db/testing.ts';
import { makeDeviceChain } from '../../lib/deviceChain.ts';
import type { PopulationQuery, PopulationReply } from './populationClient.ts';
import { runRegistryFollowUp } from './runRegistryFollowUp.ts';

beforeAll(() => enableDevMode());

const desk: SessionUser = { id: 'u-motcua.dakla', username: 'motcua.dakla', fullName: 'Phạm Thị Hoa', role: 'receptionist', agencyId: '001.29.00.H34', cccd: null };
const NOW = new Date('2026-11-24T08:00:00Z');

function received(id: string, cccd: string, identityCheck: Dossier['identityCheck'], receivedAt = '2026-11-23T02:00:00.000Z'): Dossier {
  const base = sampleDossier();
  return { ...base, id, status: 2, receivedAt, ownerCccd: cccd, applicant: { ...base.applicant, cccd }, identityCheck };
}

/** The device's event chain, kept in memory. */
function memoryChain() {
  const storage = new Map<string, string>();
  return makeDeviceChain({ storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) } });
}

const card = (by = desk.fullName) => ({ source: 'card_visual' as const, at: '2026-11-23T02:00:00.000Z', by });

describe.each(testStorages)('queued registry checks on $name storage', ({ create }) => {
  let db: MotcuaDatabase | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('are made once the registry answers, recorded in the history, and never twice', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName(), collections: ['dossiers', 'events'] });
    await db.dossiers.bulkInsert([
      received('match', '062099000123', card()),
      received('mismatch', '062301000456', card()),
      received('registry', '062099000123', { source: 'population_registry', at: '2026-11-23T02:00:00.000Z', by: desk.fullName }),
      received('colleague', '062099000123', card('Đinh Thị Mai')),
      received('old', '062099000123', card(), '2026-09-01T02:00:00.000Z'),
    ]);
    const chain = memoryChain();
    const asked: string[] = [];
    let online = false;
    const ask = async (q: PopulationQuery): Promise<PopulationReply> => {
      asked.push(q.cccd);
      if (!online) return { status: 'offline' };
      return q.cccd === '062099000123'
        ? { status: 'found', source: 'demo', person: {} as never }
        : { status: 'mismatch', source: 'demo' };
    };
    const deps = { db, user: desk, ask, chain, now: () => NOW };

    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 0, offline: true });
    expect(await db.events.count().exec()).toBe(0);

    online = true;
    asked.length = 0;
    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 2, offline: false });
    expect(asked.sort()).toEqual(['062099000123', '062301000456']);
    const events = (await db.events.find({ selector: { type: DossierEventType.IdentityChecked } }).exec()).map((e) => e.toJSON() as DossierEvent);
    const byDossier = Object.fromEntries(events.map((e) => [e.dossierId, e]));
    expect(Object.keys(byDossier).sort()).toEqual(['match', 'mismatch']);
    expect(byDossier.match!.comment).toContain('thông tin khớp');
    expect(byDossier.mismatch!.comment).toContain('không khớp');
    expect(byDossier.match!.actor).toEqual({ userId: desk.id, name: desk.fullName, role: 'receptionist' });
    expect((await verifyChain(events, (t) => sha256Hex(t))).ok).toBe(true);
    const stored = async (id: string) => (await db!.dossiers.findOne(id).exec())!.toJSON() as Dossier;
    expect((await stored('match')).identityCheck).toMatchObject({ source: 'population_registry', by: desk.fullName });
    expect((await stored('mismatch')).identityCheck?.source).toBe('card_visual');

    asked.length = 0;
    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 0, offline: false });
    expect(asked).toEqual([]);
  });

  it('asks for the others before the dossiers whose check failed, and stops a pass when asked to slow down', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName(), collections: ['dossiers', 'events'] });
    await db.dossiers.bulkInsert([
      received('a-failing', '062301000456', card(), '2026-11-23T01:00:00.000Z'),
      received('b', '062099000123', card(), '2026-11-23T02:00:00.000Z'),
      received('c', '062099000124', card(), '2026-11-23T03:00:00.000Z'),
    ]);
    const chain = memoryChain();
    const asked: string[] = [];
    let limited = false;
    const ask = async (q: PopulationQuery): Promise<PopulationReply> => {
      asked.push(q.cccd);
      if (limited) return { status: 'error', message: 'Tra cứu quá nhiều lần', retryLater: true };
      return q.cccd === '062301000456' ? { status: 'error', message: 'Lỗi 500' } : { status: 'found', source: 'demo', person: {} as never };
    };
    const deps = { db, user: desk, ask, chain, now: () => NOW, limit: 1, failures: new Map<string, number>() };

    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 0, offline: false });
    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 1, offline: false });
    expect(await runRegistryFollowUp(deps)).toEqual({ answered: 1, offline: false });
    expect(asked).toEqual(['062301000456', '062099000123', '062099000124']);

    await db.dossiers.insert(received('d', '062099000125', card(), '2026-11-23T04:00:00.000Z'));
    await db.dossiers.insert(received('e', '062099000126', card(), '2026-11-23T05:00:00.000Z'));
    limited = true;
    asked.length = 0;
    expect(await runRegistryFollowUp({ ...deps, limit: 10 })).toEqual({ answered: 0, offline: true });
    expect(asked).toEqual(['062099000125']);
  });
});
