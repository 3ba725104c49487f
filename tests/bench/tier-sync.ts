/**
 * A province's replication to the nation: the time of one upstream pass that sends the summaries
 * of a province's new dossiers, and the bytes it uploads, next to what the whole dossiers would
 * have weighed. A real nation server over HTTP and the province's real store, replicated by the
 * same pass the province's upstream loop runs; the dossiers are written straight into the store,
 * as if its communes had just sent them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../apps/sync/src/server.ts';
import { createChangeBus } from '../../apps/sync/src/sync/change-bus.ts';
import { officerAgencies, scopeColumns } from '../../apps/sync/src/sync/scope.ts';
import { createUpstreamClient } from '../../apps/sync/src/upstream/client.ts';
import { replicationPlan } from '../../apps/sync/src/upstream/plan.ts';
import { replicateOnce } from '../../apps/sync/src/upstream/replicate.ts';
import { benchDossier } from './initial-sync.ts';

export interface TierSyncResult {
  dossiers: number;
  seconds: number;
  /** Push request bodies sent to the nation. */
  uploadBytes: number;
  /** The same dossiers as whole documents (JSON). */
  wholeBytes: number;
}

export async function measureProvinceToNation(count: number): Promise<TierSyncResult> {
  const root = await mkdtemp(join(tmpdir(), 'motcua-bench-tiers-'));
  const nation = await startServer({ dataDir: join(root, 'nation'), tier: 'national', port: 0, host: '127.0.0.1' });
  const province = await startServer({ dataDir: join(root, 'province'), tier: 'province', port: 0, host: '127.0.0.1' });
  let uploadBytes = 0;
  const counting: typeof fetch = (input, init) => {
    if (typeof init?.body === 'string') uploadBytes += Buffer.byteLength(init.body);
    return fetch(input, init);
  };
  try {
    const { store } = province;
    const client = createUpstreamClient(nation.url, { username: 'tier.kontum', password: 'Demo@2026' }, counting);
    const ctx = { store, client, bus: createChangeBus(), agencyIds: await officerAgencies(store, await client.account()), echoes: new Map<string, number>() };
    const plan = replicationPlan('province');
    await replicateOnce(ctx, plan);
    const now = new Date();
    let wholeBytes = 0;
    for (let i = 0; i < count; i += 1000) {
      await store.documents.write(async (tx) => {
        for (let n = i; n < Math.min(count, i + 1000); n++) {
          const data = benchDossier(n, now) as unknown as Record<string, unknown>;
          wholeBytes += Buffer.byteLength(JSON.stringify(data));
          await tx.put('dossiers', { id: data.id as string, data, deleted: false, ...scopeColumns('dossiers', data) });
        }
      });
    }
    uploadBytes = 0;
    const started = performance.now();
    const pass = await replicateOnce(ctx, plan);
    const seconds = (performance.now() - started) / 1000;
    if (pass.pushed !== count) throw new Error(`the pass sent ${pass.pushed} of ${count} summaries`);
    return { dossiers: count, seconds, uploadBytes, wholeBytes };
  } finally {
    await province.close();
    await nation.close();
    await rm(root, { recursive: true, force: true });
  }
}
