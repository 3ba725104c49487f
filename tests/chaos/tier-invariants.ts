/**
 * What must hold between the tiers once the country has converged, checked on each server's
 * stored documents (read from its data folder after it stopped): each parent holds exactly what
 * its lower tiers' replication plans send up (a province its communes' dossiers, histories and
 * warehouse; the nation the provinces' warehouse and dossier summaries, no dossier, no history);
 * every acknowledged event reached its commune and province, every acknowledged warehouse document
 * the nation too; every device's history chain verifies there; no two dossiers in the country share
 * a code, and a dossier carries the same code at every tier; no commune or province holds documents
 * of another place (but the demo seed every server starts with).
 */
import { sha256Hex } from '@motcua/crypto';
import { verifyChain, type DossierEvent } from '@motcua/model';
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';
import { replicationPlan } from '../../apps/sync/src/upstream/plan.ts';
import type { TierNode } from './country.ts';
import { holdingDifferences } from './holdings.ts';

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

const ofAgencies = (map: Map<string, Doc>, agencyIds: string[], keep: (doc: Doc) => boolean = () => true) =>
  new Map([...map].filter(([, doc]) => agencyIds.includes(doc.agencyId as string) && keep(doc)));

/** A citizen's draft, or its history: the citizen's alone, never sent up. */
const isDraft = (doc: Doc) => doc.status === 0 || doc.toStatus === 0;

/** The parent of `node` holds exactly what its replication plan sends up of its agencies. */
function sentUpDifferences(node: TierNode, snapshots: Map<TierNode, Snapshot>): string[] {
  const parent = node.parent!;
  return replicationPlan(node.tier).push.flatMap(({ from, to, project }) => {
    const below = ofAgencies(snapshots.get(node)![from as Held], node.agencyIds, (doc) => !isDraft(doc));
    const sent = new Map([...below].map(([id, doc]) => [id, canonical(project ? project(doc) : doc)]));
    const held = ofAgencies(snapshots.get(parent)![to as Held], node.agencyIds);
    const above = new Map([...held].map(([id, doc]) => [id, canonical(doc)]));
    return holdingDifferences(`${node.name} → ${parent.name} ${to}`, sent, above);
  });
}

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
  // Each parent holds exactly what its communes and provinces sent up (the nation: summaries, not dossiers).
  for (const node of [...facts.communes, ...facts.provinces]) problems.push(...sentUpDifferences(node, snapshots));
  // Scope never leaked between tiers: a commune or province holds nothing of another place.
  for (const node of [...facts.communes, ...facts.provinces]) problems.push(...foreign(node, at(node), seeded, COLLECTIONS));
  // The nation holds no dossier and no history, only what the provinces sent.
  const nation = at(facts.nation);
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
