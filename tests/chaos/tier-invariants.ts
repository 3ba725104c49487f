/**
 * What must hold between the tiers once the country has converged, checked on each server's
 * stored documents (read from its data folder after it stopped): each province holds exactly its
 * communes' dossiers, histories and warehouse, and nothing of the other province; the nation holds
 * each province's warehouse and the summary of each of its dossiers, and nothing more (no dossiers,
 * no histories); every acknowledged event
 * reached its commune and province, every acknowledged warehouse document the nation too; every device's history chain verifies there; no two dossiers
 * in the country share a code, and a dossier carries the same code at every tier; no commune or
 * province holds documents of another place (but the demo seed every server starts with).
 */
import { sha256Hex } from '@motcua/crypto';
import { summarizeDossier, verifyChain, type Dossier, type DossierEvent } from '@motcua/model';
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';
import type { TierNode } from './country.ts';

type Doc = Record<string, unknown>;
const COLLECTIONS = ['dossiers', 'events', 'warehouse'] as const;
type Held = (typeof COLLECTIONS)[number] | 'summaries';

/** A server's live documents by collection and id. */
export type Snapshot = Record<Held, Map<string, Doc>>;

export async function snapshotOf(store: SyncStore): Promise<Snapshot> {
  const read = async (collection: Held) =>
    new Map((await store.documents.pull(collection, { kind: 'all' }, 0, 1_000_000)).filter((d) => !d.deleted).map((d) => [d.id, d.data]));
  return { dossiers: await read('dossiers'), events: await read('events'), warehouse: await read('warehouse'), summaries: await read('summaries') };
}

/** A device, as the checks need it. */
export interface DeviceRef {
  label: string;
  deviceId: string;
  commune: TierNode;
}

export interface TierFacts {
  snapshots: Map<TierNode, Snapshot>;
  nation: TierNode;
  provinces: TierNode[];
  communes: TierNode[];
  devices: DeviceRef[];
  /** Event id → label of the device whose database accepted it. */
  acked: Map<string, string>;
  /** Warehouse document id → label of the device the server acknowledged it to. */
  stored: Map<string, string>;
  /** Ids every server seeds on its first start (demo data), held everywhere without replication. */
  seeded: Set<string>;
}

/** What an agency's tier sends up: no citizen drafts, nor their histories. */
const sentUp = (collection: Held, doc: Doc) => !(collection === 'dossiers' && doc.status === 0) && !(collection === 'events' && doc.toStatus === 0);

function sameHoldings(what: string, below: Map<string, Doc>, above: Map<string, Doc>): string[] {
  const problems: string[] = [];
  for (const [id, doc] of below) {
    const there = above.get(id);
    if (!there) problems.push(`${what}: ${id} missing above`);
    else if (canonical(there) !== canonical(doc)) problems.push(`${what}: ${id} differs above`);
  }
  for (const id of above.keys()) if (!below.has(id)) problems.push(`${what}: ${id} above only`);
  return problems;
}

const ofAgencies = (map: Map<string, Doc>, agencyIds: string[], keep: (doc: Doc) => boolean = () => true) =>
  new Map([...map].filter(([, doc]) => agencyIds.includes(doc.agencyId as string) && keep(doc)));

/** Documents a tier holds outside its agencies that it did not get from the demo seed. */
function foreign(node: TierNode, snapshot: Snapshot, seeded: Set<string>, collections: readonly Held[]): string[] {
  return collections.flatMap((collection) => {
    const ids = [...snapshot[collection]].filter(([id, doc]) => !seeded.has(id) && !node.agencyIds.includes(doc.agencyId as string)).map(([id]) => id);
    return ids.length > 0 ? [`${node.name} holds ${ids.length} ${collection} of other places (${ids.slice(0, 3).join(', ')})`] : [];
  });
}

export async function checkTiers(facts: TierFacts): Promise<string[]> {
  const { snapshots, seeded } = facts;
  const at = (node: TierNode) => snapshots.get(node)!;
  const problems: string[] = [];
  // Each province holds exactly what its communes sent up.
  for (const commune of facts.communes) {
    const province = commune.parent!;
    for (const collection of COLLECTIONS) {
      const below = ofAgencies(at(commune)[collection], commune.agencyIds, (doc) => sentUp(collection, doc));
      problems.push(...sameHoldings(`${commune.name} → ${province.name} ${collection}`, below, ofAgencies(at(province)[collection], commune.agencyIds)));
    }
  }
  // Scope never leaked between tiers: a commune or province holds nothing of another place.
  for (const node of [...facts.communes, ...facts.provinces]) problems.push(...foreign(node, at(node), seeded, COLLECTIONS));
  // The nation holds each province's warehouse and its dossiers' summaries; no dossier, no history.
  const nation = at(facts.nation);
  for (const province of facts.provinces) {
    const warehouse = ofAgencies(at(province).warehouse, province.agencyIds);
    problems.push(...sameHoldings(`${province.name} → nation warehouse`, warehouse, ofAgencies(nation.warehouse, province.agencyIds)));
    const summaries = new Map([...ofAgencies(at(province).dossiers, province.agencyIds)].map(([id, doc]) => [id, summarizeDossier(doc as unknown as Dossier) as unknown as Doc]));
    problems.push(...sameHoldings(`${province.name} → nation summaries`, summaries, ofAgencies(nation.summaries, province.agencyIds)));
  }
  problems.push(...foreign(facts.nation, nation, seeded, ['warehouse', 'summaries']));
  for (const collection of ['dossiers', 'events'] as const) {
    const held = [...nation[collection].keys()].filter((id) => !seeded.has(id));
    if (held.length > 0) problems.push(`the nation holds ${held.length} ${collection} (they stay in the provinces)`);
  }

  // No acknowledged write lost; every chain complete and valid at the commune and the province.
  const deviceOf = new Map(facts.devices.map((d) => [d.label, d]));
  for (const [eventId, label] of facts.acked) {
    const commune = deviceOf.get(label)!.commune;
    for (const node of [commune, commune.parent!]) {
      if (!at(node).events.has(eventId)) problems.push(`acknowledged event ${eventId} of ${label} missing at ${node.name}`);
    }
  }
  for (const [id, label] of facts.stored) {
    const commune = deviceOf.get(label)!.commune;
    for (const node of [commune, commune.parent!, facts.nation]) {
      if (!at(node).warehouse.has(id)) problems.push(`acknowledged warehouse document ${id} of ${label} missing at ${node.name}`);
    }
  }
  for (const device of facts.devices) {
    for (const node of [device.commune, device.commune.parent!]) {
      const own = [...at(node).events.values()].filter((e) => e.deviceId === device.deviceId) as unknown as DossierEvent[];
      const check = await verifyChain(own, sha256Hex);
      if (!check.ok) problems.push(`${device.label} at ${node.name}: chain broken at ${check.index}: ${check.message}`);
    }
  }
  problems.push(...codeProblems(snapshots));
  return problems;
}

/** One code per dossier across the tiers, one dossier per code across the country. */
function codeProblems(snapshots: Map<TierNode, Snapshot>): string[] {
  const problems: string[] = [];
  const codeOf = new Map<string, string>();
  const holder = new Map<string, string>();
  for (const [node, snapshot] of snapshots) {
    for (const [id, doc] of [...snapshot.dossiers, ...snapshot.summaries]) {
      if (typeof doc.code !== 'string') continue;
      const known = codeOf.get(id);
      if (known !== undefined && known !== doc.code) problems.push(`dossier ${id} is ${known} elsewhere but ${doc.code} at ${node.name}`);
      codeOf.set(id, doc.code);
      const other = holder.get(doc.code);
      if (other !== undefined && other !== id) problems.push(`code ${doc.code} carried by ${other} and ${id} (${node.name})`);
      holder.set(doc.code, id);
    }
  }
  return problems;
}
