/**
 * One chaos scenario: a real sync server (embedded database in a temporary folder) and several
 * simulated devices (RxDB in memory, the PWA's own replication) behind faulty links, driven by a
 * list of steps; then every link heals and the invariants are checked once the replicas converge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Procedure } from '@motcua/model';
import { startServerUnderTest, type ServerMode } from './server-under-test.ts';
import { openClient, type TestClient } from '../integration/clients.ts';
import { createLink, seededRandom, type FaultCounts, type Link } from './faulty-fetch.ts';
import { checkInvariants, divergence } from './invariants.ts';
import { act, type Step } from './operations.ts';

const DAK_LA = '001.29.00.H34';
/** Two citizens and two desks of one commune (RxDB allows 13 open collections per process). */
export const DEVICE_USERS = ['062099000123', '062301000456', 'motcua.dakla', 'motcua.dakla'];

export interface ChaosReport {
  seed: number;
  server: ServerMode;
  devices: string[];
  operations: Record<string, number>;
  faults: FaultCounts & { partitions: number; restarts: number; weekOffline: number };
  convergeMs: number;
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `steps` and returns what was injected and every invariant violation. */
export async function runScenario(steps: Step[], seed: number, options: { convergeTimeoutMs?: number; server?: ServerMode } = {}): Promise<ChaosReport> {
  const random = seededRandom(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-chaos-'));
  const server = await startServerUnderTest(options.server ?? 'inproc', dataDir);
  const links: Link[] = [];
  const clients: TestClient[] = [];
  const acked = new Map<string, string>();
  const operations: Record<string, number> = {};
  const faults = { partitions: 0, restarts: 0, weekOffline: 0 };
  const count = (label: string | null) => label && (operations[label] = (operations[label] ?? 0) + 1);
  try {
    for (const [i, username] of DEVICE_USERS.entries()) {
      const link = createLink(random);
      const client = await openClient(server.url(), username, `d${i}-${username}`, { fetch: link.fetch, collections: ['dossiers', 'events'] });
      links.push(link);
      clients.push(client);
      client.startSync({ retryTimeMs: 100, backoff: { initialMs: 50, maxMs: 400 } });
    }
    const catalog = (await (await fetch(`${server.url()}/api/sync/procedures/pull?limit=1000`, { headers: { authorization: `Bearer ${await clients[0]!.token()}` } })).json()) as { documents: Procedure[] };
    const procedure = catalog.documents.find((p) => p.components.length > 0 && (p.agencyIds.length === 0 || p.agencyIds.includes(DAK_LA)))!;
    const ctx = { procedure, agencyId: DAK_LA, acked, now: new Date() };

    for (const step of steps) {
      ctx.now = new Date();
      if (step.kind === 'act') count(await act(clients[step.device]!, step.action, step.pick, ctx));
      else if (step.kind === 'partition') {
        links[step.device]!.cut();
        faults.partitions++;
      } else if (step.kind === 'heal') links[step.device]!.heal();
      else if (step.kind === 'restart') {
        // Killed mid-push: whatever is in flight fails; the same data folder comes back.
        faults.restarts++;
        await server.restart(Math.floor(random() * 100));
      } else {
        faults.weekOffline++;
        const link = links[step.device]!;
        link.cut();
        const weekAgo = Date.now() - 7 * 86_400_000;
        for (let k = 0; k < step.actions; k++) {
          ctx.now = new Date(weekAgo + (k * 7 * 86_400_000) / step.actions);
          count(await act(clients[step.device]!, k % 3, Math.floor(random() * 1000), ctx));
        }
        link.heal();
      }
      await sleep(Math.floor(random() * 40));
    }

    const started = Date.now();
    for (const link of links) {
      link.faulty = false;
      link.heal();
    }
    for (const client of clients) client.sync?.reSync();
    const deadline = started + (options.convergeTimeoutMs ?? 30_000);
    let problems: string[] = [];
    let nudged = started;
    for (;;) {
      problems = (await Promise.all(clients.map((c) => divergence(c)))).flat();
      if (problems.length === 0 || Date.now() > deadline) break;
      await sleep(200);
      // A replica still behind after a few seconds gets one more full pass, as "Đồng bộ lại" would.
      if (Date.now() - nudged > 4_000) {
        nudged = Date.now();
        for (const client of clients) client.sync?.reSync();
      }
    }
    const convergeMs = Date.now() - started;
    for (const client of clients) await client.stopSync();
    problems.push(...(await checkInvariants(await server.stopForChecks(), clients, acked)));
    const totals = links.reduce<FaultCounts>(
      (sum, link) => {
        for (const key of Object.keys(sum) as (keyof FaultCounts)[]) sum[key] += link.counts[key];
        return sum;
      },
      { dropped: 0, lostAnswers: 0, duplicated: 0, delayed: 0, refusedOffline: 0 },
    );
    return { seed, server: server.mode, devices: clients.map((c) => c.label), operations, faults: { ...totals, ...faults }, convergeMs, problems };
  } finally {
    for (const client of clients) await client.close().catch(() => undefined);
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One line per scenario for the console. */
export function formatReport(report: ChaosReport): string {
  const ops = Object.entries(report.operations).map(([k, v]) => `${k}×${v}`).join(' ');
  const f = report.faults;
  return [
    `seed ${report.seed} · server ${report.server === 'child' ? 'child process (SIGKILL)' : 'in-process (close/start)'} · devices ${report.devices.join(', ')}`,
    `  operations: ${ops || 'none'}`,
    `  faults: ${f.partitions} partitions, ${f.restarts} server restarts, ${f.weekOffline} week offline, ${f.dropped} dropped, ${f.lostAnswers} answers lost, ${f.duplicated} duplicated, ${f.delayed} delayed, ${f.refusedOffline} refused while cut`,
    `  converged in ${report.convergeMs} ms · ${report.problems.length === 0 ? 'all invariants hold' : `${report.problems.length} problems: ${report.problems.slice(0, 5).join('; ')}`}`,
  ].join('\n');
}
