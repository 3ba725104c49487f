import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Dossier } from '@motcua/model';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { trackPending, type PendingTracker } from './pending.ts';
import { enableDevMode, sampleDossier, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

describe.each(testStorages)('the pending count on $name storage', ({ create }) => {
  let db: MotcuaDatabase;
  let replication: RxReplicationState<Dossier, unknown>;
  let tracker: PendingTracker;
  afterEach(async () => {
    tracker.stop();
    await replication.cancel();
    await closeDatabase(db);
  });

  /**
   * A live replication whose server holds every push until `acknowledge` is called, and whose
   * first pull brings `pulled`.
   */
  async function start(pulled: Dossier[] = [], beforeTracking = () => {}) {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const firstPage = [...pulled];
    let acknowledge = () => {};
    const acknowledged = new Promise<void>((resolve) => { acknowledge = resolve; });
    replication = replicateRxCollection<Dossier, unknown>({
      replicationIdentifier: 'pending-test',
      collection: db.dossiers,
      live: true,
      waitForLeadership: false,
      pull: { handler: async () => ({ documents: firstPage.splice(0).map((d) => ({ ...d, _deleted: false })), checkpoint: { page: 1 } }) },
      push: { handler: async () => { await acknowledged; return []; } },
    });
    await replication.awaitInitialReplication();
    beforeTracking();
    tracker = trackPending(db.dossiers, replication);
    const counts: number[] = [];
    tracker.count$.subscribe((n) => counts.push(n));
    return { counts, acknowledge, idle: () => firstValueFrom(replication.active$.pipe(filter((a) => !a))) };
  }

  it('counts a change until the server acknowledges it', async () => {
    const { counts, acknowledge } = await start();
    await db.dossiers.insert(sampleDossier());
    await vi.waitUntil(() => counts.at(-1) === 1, { timeout: 4000 });
    acknowledge();
    await vi.waitUntil(() => counts.at(-1) === 0, { timeout: 4000 });
    expect(counts).toEqual([0, 1, 0]);
  });

  it('falls to 0 when the acknowledgement lands while a recheck is still reading the state before it', async () => {
    const { counts, acknowledge, idle } = await start();
    // The recheck of the new change reads the replication's record of the server's state, and
    // its answer arrives only once the push has been acknowledged: it saw the change as unsent.
    const meta = replication.metaInstance!;
    const read = meta.findDocumentsById.bind(meta);
    const fork = db.dossiers.storageInstance;
    const readFork = fork.findDocumentsById.bind(fork);
    let held = 0;
    let holdNext = false;
    fork.findDocumentsById = async (...args) => {
      const docs = await readFork(...args);
      holdNext = held === 0; // the tracker reads the document, then its server state
      return docs;
    };
    meta.findDocumentsById = async (...args) => {
      if (!holdNext) return read(...args);
      holdNext = false;
      held++;
      const stale = await read(...args);
      acknowledge();
      await idle();
      return stale;
    };
    await db.dossiers.insert(sampleDossier());
    await vi.waitUntil(() => held === 1 && counts.includes(1), { timeout: 4000 });
    await vi.waitUntil(() => counts.at(-1) === 0, { timeout: 4000 });
  });

  it('does not count a pulled document whose record of the pull was lost (a tab closed between the writes)', async () => {
    const pulled = sampleDossier();
    const { counts } = await start([pulled], () => {
      replication.metaInstance!.findDocumentsById = async () => []; // as if RxDB never recorded what it pulled
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(counts).toEqual([0]);
    await db.dossiers.insert(sampleDossier()); // a real local change, its push held
    await vi.waitUntil(() => counts.at(-1) === 1, { timeout: 4000 });
    await (await db.dossiers.findOne(pulled.id).exec())!.incrementalPatch({ summary: 'Sửa trên máy' });
    await vi.waitUntil(() => counts.at(-1) === 2, { timeout: 4000 });
  });
});
