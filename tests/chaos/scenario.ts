/**
 * One chaos scenario over a whole country (`country.ts`): real sync servers for the nation, two
 * provinces and three communes; simulated devices (RxDB in memory, the PWA's own replication) at
 * each commune behind faulty links, in one process per commune (`device-host.ts`); faulty and
 * partitionable links between the tiers; all driven by a list of steps. Then every link heals and
 * the invariants are checked once the country has converged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Procedure } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { demoDossiers } from '../../apps/sync/src/demo/dossiers.ts';
import { login } from '../helpers/server.ts';
import { communePlans, startCountry, type Country, type TierNode } from './country.ts';
import { countryDivergence, createSessions } from './convergence.ts';
import type { ActResult } from './device-host.ts';
import type { OwnEvents } from './invariants.ts';
import { startDeviceHost, type DeviceHost } from './device-hosts.ts';
import { seededRandom, type FaultCounts, type Link } from './faulty-fetch.ts';
import type { ScenarioShape, Step } from './operations.ts';
import { formatReport, type ChaosReport } from './report.ts';
import type { ServerMode } from './server-under-test.ts';
import { checkTiers, snapshotOf, type Snapshot } from './tier-invariants.ts';

export { formatReport, type ChaosReport };

export interface ScenarioOptions {
  communeMode?: ServerMode;
  upperMode?: ServerMode;
  convergeTimeoutMs?: number;
}

const plans = communePlans();
/** Devices, servers (communes first: each is killed in every scenario) and tier links the steps name. */
export const SHAPE: ScenarioShape = {
  devices: plans.reduce((n, c) => n + c.users.length, 0),
  citizens: plans.flatMap((c) => c.users).flatMap((user, i) => (/^\d{12}$/.test(user) ? [i] : [])),
  servers: plans.length + 3,
  mustKill: plans.length,
  tierLinks: plans.length + 2,
};

/** Global device index → its commune's host and its index there. */
const DEVICES = plans.flatMap((plan, commune) => plan.users.map((_, index) => ({ commune, index })));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sum = (all: FaultCounts[]): FaultCounts =>
  all.reduce<FaultCounts>(
    (total, counts) => {
      for (const key of Object.keys(total) as (keyof FaultCounts)[]) total[key] += counts[key];
      return total;
    },
    { dropped: 0, lostAnswers: 0, duplicated: 0, delayed: 0, refusedOffline: 0 },
  );

/** Counts by key, added up. */
const tally = (all: Array<Record<string, number>>): Record<string, number> => {
  const total: Record<string, number> = {};
  for (const counts of all) for (const [key, n] of Object.entries(counts)) total[key] = (total[key] ?? 0) + n;
  return total;
};

/** Pushes to or from `node` now in flight: from its devices, its children's uplinks and its own. */
async function pushesAt(country: Country, hosts: DeviceHost[], node: TierNode): Promise<number> {
  const links: Link[] = [...country.nodes.filter((n) => n.parent === node).map((n) => n.uplink!.link), ...(node.uplink ? [node.uplink.link] : [])];
  const i = country.communes.indexOf(node);
  const devices = i >= 0 ? await hosts[i]!.send<number>({ op: 'pushesInFlight' }) : 0;
  return devices + links.reduce((n, l) => n + l.pushesInFlight(), 0);
}

/**
 * Kills `node`'s server while a push to or from it is in flight. A commune with none in flight gets
 * one: its citizen (first device) starts a draft (returned, to be counted) and the kill waits for the push.
 */
async function killMidPush(
  country: Country, hosts: DeviceHost[], node: TierNode, random: () => number,
): Promise<{ midPush: boolean; acted: { device: number; result: ActResult } | null }> {
  const inFlight = async (ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      if ((await pushesAt(country, hosts, node)) > 0) return true;
      if (Date.now() > deadline) return false;
      await sleep(2);
    }
  };
  let midPush = await inFlight(150);
  let acted: { device: number; result: ActResult } | null = null;
  const commune = country.communes.indexOf(node);
  if (!midPush && commune >= 0) {
    const result = await hosts[commune]!.send<ActResult>({ op: 'act', device: 0, action: 0, pick: Math.floor(random() * 1000) });
    acted = { device: DEVICES.findIndex((d) => d.commune === commune && d.index === 0), result };
    midPush = await inFlight(500);
  }
  await node.server.restart(Math.floor(random() * 100));
  return { midPush, acted };
}

/** Runs `steps` and returns what was injected and every invariant violation. */
export async function runScenario(steps: Step[], seed: number, options: ScenarioOptions = {}): Promise<ChaosReport> {
  const random = seededRandom(seed);
  const modes = { commune: options.communeMode ?? 'child', upper: options.upperMode ?? 'inproc' } as const;
  const root = await mkdtemp(join(tmpdir(), 'motcua-chaos-'));
  const hosts: DeviceHost[] = [];
  const acked = new Map<string, string>();
  const stored = new Map<string, string>();
  const operations: Record<string, number> = {};
  const kills: Record<string, number> = {};
  const faults = { partitions: 0, weekOffline: 0, midPush: 0 };
  const label = (device: number) => hosts[DEVICES[device]!.commune]!.devices[DEVICES[device]!.index]!.label;
  const record = (device: number, result: ActResult) => {
    for (const op of result.labels) operations[op] = (operations[op] ?? 0) + 1;
    for (const id of result.acked) acked.set(id, label(device));
    for (const id of result.stored) stored.set(id, label(device));
  };
  const onDevice = (device: number) => ({ host: hosts[DEVICES[device]!.commune]!, index: DEVICES[device]!.index });
  let country: Country | null = null;
  // The device processes load while the servers start.
  const starting = plans.map(() => startDeviceHost());
  try {
    country = await startCountry(root, { communeMode: modes.commune, upperMode: modes.upper, intervalMs: 300 }, random);
    const session = await login(country.communes[0]!.server.url(), plans[0]!.users[0]!, 'Demo@2026');
    const catalog = (await (await fetch(`${country.communes[0]!.server.url()}/api/sync/procedures/pull?limit=1000`, { headers: { authorization: `Bearer ${session.accessToken}` } })).json()) as { documents: Procedure[] };
    const procedure = catalog.documents.find((p) => p.components.length > 0 && p.agencyIds.length === 0)!;
    hosts.push(...(await Promise.all(starting)));
    await Promise.all(country.communes.map((commune, i) => hosts[i]!.open({
      op: 'open', url: commune.server.url(), users: plans[i]!.users, firstIndex: DEVICES.findIndex((d) => d.commune === i), seed: seed + i, procedure, agencyId: commune.agencyId,
    })));

    for (const step of steps) {
      if (step.kind === 'act' || step.kind === 'week') {
        const { host, index } = onDevice(step.device);
        if (step.kind === 'week') faults.weekOffline++;
        const command = step.kind === 'act' ? { op: 'act' as const, device: index, action: step.action, pick: step.pick } : { op: 'week' as const, device: index, actions: step.actions };
        record(step.device, await host.send<ActResult>(command));
      } else if (step.kind === 'partition' || step.kind === 'heal') {
        const { host, index } = onDevice(step.device);
        if (step.kind === 'partition') faults.partitions++;
        await host.send({ op: step.kind === 'partition' ? 'cut' : 'heal', device: index });
      } else if (step.kind === 'cutTier') country.uplinks[step.link]!.cut();
      else if (step.kind === 'healTier') country.uplinks[step.link]!.heal();
      else {
        const node = country.nodes[step.server]!;
        kills[node.name] = (kills[node.name] ?? 0) + 1;
        const { midPush, acted } = await killMidPush(country, hosts, node, random);
        if (midPush) faults.midPush++;
        if (acted) record(acted.device, acted.result);
      }
      await sleep(Math.floor(random() * 40));
    }

    // Heal everything, then wait until every replica at every tier agrees.
    const started = Date.now();
    for (const { link } of country.uplinks) {
      link.faulty = false;
      link.heal();
    }
    await Promise.all(hosts.map((h) => h.send({ op: 'healAll' })));
    await Promise.all(hosts.map((h) => h.send({ op: 'reSync' })));
    const sessions = createSessions();
    const deadline = started + (options.convergeTimeoutMs ?? 60_000);
    let problems: string[] = [];
    let nudged = started;
    for (;;) {
      problems = await countryDivergence(country, hosts, sessions);
      if (problems.length === 0 || Date.now() > deadline) break;
      await sleep(250);
      // A replica still behind after a few seconds gets one more full pass, as "Đồng bộ lại" would.
      if (Date.now() - nudged > 4_000) {
        nudged = Date.now();
        await Promise.all(hosts.map((h) => h.send({ op: 'reSync' })));
      }
    }
    const convergeMs = Date.now() - started;

    for (const host of hosts) problems.push(...(await host.send<string[]>({ op: 'scopeLeaks' })));
    // Every action a device recorded, and whether the server answered it.
    const created = new Map<string, string>();
    for (const host of hosts) {
      for (const own of await host.send<OwnEvents[]>({ op: 'ownEvents' })) {
        problems.push(...own.unanswered);
        for (const id of own.ids) created.set(id, own.label);
      }
    }
    await Promise.all(hosts.map((h) => h.send({ op: 'stop' })));
    const deviceCounts = (await Promise.all(hosts.map((h) => h.send<FaultCounts[]>({ op: 'counts' })))).flat();
    const refusals = tally([
      ...(await Promise.all(hosts.map((h) => h.send<Array<Record<string, number>>>({ op: 'refusals' })))).flat(),
      ...country.uplinks.map((u) => u.link.refusals),
    ]);
    const snapshots = new Map<TierNode, Snapshot>();
    for (const node of country.nodes) snapshots.set(node, await snapshotOf(await node.server.stopForChecks()));
    const demo = await demoDossiers(seedProcedures('H34'), new Date());
    // What became of the actions, at the communes: applied, or refused and why.
    const outcomes: Record<string, number> = {};
    for (const commune of country.communes) {
      for (const event of snapshots.get(commune)!.events.values()) {
        const outcome = event.outcome as { status: string; code: string } | undefined;
        if (!outcome) continue;
        const key = outcome.status === 'applied' ? 'applied' : `refused ${outcome.code}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
    }
    problems.push(...(await checkTiers({
      snapshots, nation: country.nation, provinces: country.provinces, communes: country.communes, acked, created, stored, refusals,
      seeded: new Set([...demo.dossiers, ...demo.events].map((d) => d.id)),
      devices: hosts.flatMap((h, i) => h.devices.map((d) => ({ ...d, commune: country!.communes[i]! }))),
    })));

    return {
      seed,
      modes,
      communes: country.communes.map((c, i) => ({ name: c.name, province: c.parent!.name, devices: hosts[i]!.devices.map((d) => d.label) })),
      operations,
      deviceFaults: { ...sum(deviceCounts), partitions: faults.partitions, weekOffline: faults.weekOffline },
      tierFaults: { ...sum(country.uplinks.map((u) => u.link.counts)), cuts: Object.fromEntries(country.uplinks.filter((u) => u.cuts > 0).map((u) => [u.name, u.cuts])) },
      kills,
      killedMidPush: faults.midPush,
      refusals,
      outcomes,
      convergeMs,
      problems,
    };
  } finally {
    const opened = await Promise.allSettled(starting);
    await Promise.all(opened.map((host) => (host.status === 'fulfilled' ? host.value.close() : Promise.resolve())));
    await country?.close();
    await rm(root, { recursive: true, force: true });
  }
}
