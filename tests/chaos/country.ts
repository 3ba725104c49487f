/**
 * The country the chaos suite runs: one nation, two provinces and three communes (two under Kon
 * Tum, one under Gia Lai), each a real sync server on its own data folder, every tier replicating
 * to its parent through a faulty, partitionable `TierLink`. Commune servers run as child processes
 * (killed with SIGKILL); the province and nation servers in this process by default.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tier } from '../../apps/sync/src/config.ts';
import { DEMO_AGENCY as A } from '../../apps/sync/src/demo/agencies.ts';
import { openStore } from '../../apps/sync/src/store/index.ts';
import { startServerUnderTest, type ServerMode, type ServerUnderTest } from './server-under-test.ts';
import { startTierLink, type TierLink } from './tier-link.ts';

export interface Place {
  name: string;
  agencyId: string;
  /** The service account this tier signs in to its parent with. */
  tierAccount: string;
}

export interface CommunePlan extends Place {
  /**
   * The people with a device at this commune, citizens first. The devices of a commune share one
   * process, and RxDB allows 13 open collections per process (3 per device): at most 4.
   */
  users: string[];
}

export interface ProvincePlan extends Place {
  communes: CommunePlan[];
}

export const NATION: Place = { name: 'Quốc gia', agencyId: A.nation, tierAccount: '' };

export const PROVINCES: ProvincePlan[] = [
  {
    name: 'Kon Tum', agencyId: A.konTum, tierAccount: 'tier.kontum',
    communes: [
      { name: 'Đắk La', agencyId: A.dakLa, tierAccount: 'tier.dakla', users: ['062099000123', '062301000456', 'motcua.dakla', 'motcua.dakla'] },
      { name: 'Đắk Mar', agencyId: A.dakMar, tierAccount: 'tier.dakmar', users: ['062301000456', 'motcua.dakmar'] },
    ],
  },
  {
    name: 'Gia Lai', agencyId: A.giaLai, tierAccount: 'tier.gialai',
    communes: [{ name: 'Ia Dêr', agencyId: A.iaDer, tierAccount: 'tier.iader', users: ['064195007788', 'motcua.iader'] }],
  },
];

/** One running tier: its server, its parent and the link it replicates through. */
export interface TierNode extends Place {
  tier: Tier;
  server: ServerUnderTest;
  parent: TierNode | null;
  /** This tier → its parent (null for the nation). */
  uplink: TierLink | null;
  /** The agencies whose documents this tier holds and sends up: its own and those below it. */
  agencyIds: string[];
}

export interface Country {
  nation: TierNode;
  provinces: TierNode[];
  communes: TierNode[];
  /** Communes first, then provinces, then the nation. */
  nodes: TierNode[];
  uplinks: TierLink[];
  close(): Promise<void>;
}

export interface CountryOptions {
  /** Where the commune servers run (`child`: SIGKILL) and where the others do. */
  communeMode: ServerMode;
  upperMode: ServerMode;
  /** How often a tier replicates upward when nothing wakes it earlier. */
  intervalMs: number;
}

let template: Promise<string> | undefined;

/**
 * A data folder with an empty, migrated embedded database, made once and reused until
 * `releaseEmptyDataDir()`: creating one takes seconds, copying it milliseconds. Each server still
 * seeds itself and makes its own secrets.
 */
function emptyDataDir(): Promise<string> {
  template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-chaos-template-'));
    await (await openStore({ dataDir: dir, databaseUrl: null })).close();
    return dir;
  })();
  return template;
}

/** Removes the data folder template (after the last scenario). */
export async function releaseEmptyDataDir(): Promise<void> {
  // A template that failed to build has nothing to remove.
  const dir = await template?.catch(() => null);
  template = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
}

/**
 * Starts every tier under `root` (one data folder each), all at once: a tier's link to its parent
 * refuses requests until the parent is up, as after a power cut. `random` draws the links' faults.
 */
export async function startCountry(root: string, options: CountryOptions, random: () => number): Promise<Country> {
  // Whatever started, for close() even when another start fails.
  const nodes: TierNode[] = [];
  const uplinks: TierLink[] = [];
  type Parent = { place: Place; node: Promise<TierNode> };
  const start = async (place: Place, tier: Tier, parent: Parent | null, agencyIds: string[]): Promise<TierNode> => {
    let above: TierNode | null = null;
    void parent?.node.then((node) => (above = node), () => undefined);
    const target = () => {
      if (!above) throw new Error(`${parent!.place.name} is not up yet`);
      return above.server.url();
    };
    const uplink = parent ? await startTierLink(`${place.name} → ${parent.place.name}`, target, random) : null;
    if (uplink) uplinks.push(uplink);
    const mode = tier === 'commune' ? options.communeMode : options.upperMode;
    const upstream = uplink ? { url: uplink.url, username: place.tierAccount, intervalMs: options.intervalMs } : undefined;
    const dataDir = join(root, place.agencyId);
    await cp(await emptyDataDir(), dataDir, { recursive: true });
    const server = await startServerUnderTest(mode, dataDir, { tier, upstream });
    const node: TierNode = { ...place, tier, server, parent: null, uplink, agencyIds };
    nodes.push(node);
    return node;
  };
  const close = async () => {
    // A node the scenario killed is closed already.
    for (const node of nodes) await node.server.close().catch(() => undefined);
    for (const link of uplinks) await link.close();
  };
  const nation = start(NATION, 'national', null, []);
  const provinces = PROVINCES.map((p) => start(p, 'province', { place: NATION, node: nation }, [p.agencyId, ...p.communes.map((c) => c.agencyId)]));
  const communes = PROVINCES.flatMap((p, i) => p.communes.map((c) => start(c, 'commune', { place: p, node: provinces[i]! }, [c.agencyId])));
  const started = await Promise.allSettled([nation, ...provinces, ...communes]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  const [top, ...rest] = started.map((result) => (result as PromiseFulfilledResult<TierNode>).value);
  const below = rest.slice(0, provinces.length);
  const bottom = rest.slice(provinces.length);
  for (const province of below) province.parent = top!;
  const provinceOf = PROVINCES.flatMap((p, i) => p.communes.map(() => i));
  bottom.forEach((commune, k) => (commune.parent = below[provinceOf[k]!]!));
  top!.agencyIds = below.flatMap((p) => p.agencyIds);
  const ordered = [...bottom, ...below, top!];
  return { nation: top!, provinces: below, communes: bottom, nodes: ordered, uplinks: ordered.flatMap((n) => (n.uplink ? [n.uplink] : [])), close };
}

/** The users of a commune's devices, in `country.communes` order. */
export const communePlans = (): CommunePlan[] => PROVINCES.flatMap((p) => p.communes);
