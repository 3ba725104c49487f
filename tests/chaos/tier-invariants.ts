/**
 * What must hold between the tiers once the country has converged, checked on each server's
 * stored documents (read from its data folder after it stopped): each parent holds exactly what
 * its lower tiers' replication plans send up (a province its communes' dossiers, histories and
 * warehouse; the nation the provinces' warehouse and dossier summaries, no dossier, no history);
 * every event a device recorded reached its commune with the server's answer (`outcome`: applied or
 * refused), the acknowledged ones the province too (but a citizen's draft history, which stays
 * below), every acknowledged warehouse document the nation too; every device's history chain
 * verifies there; each dossier at a commune is the projection of its actions (the status its last
 * applied one left, every device's last action taken in as `heads`, every refused one listed with
 * its author in `conflicts`, and nothing else listed); no push was ever refused as `content_unmergeable`
 * (the server applies actions, it merges no dossier states); no two dossiers in the country share
 * a code, and a dossier carries the same code at every tier; no commune or province holds documents
 * of another place (but the demo seed every server starts with).
 */
import { sha256Hex } from '@motcua/crypto';
import { MAX_CONFLICTS, verifyChain, type DossierEvent } from '@motcua/model';
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';
import { replicationPlan } from '../../apps/sync/src/upstream/plan.ts';
import type { TierNode } from './country.ts';
import { holdingDifferences } from './holdings.ts';
import { isCitizenDraft } from './invariants.ts';

type Doc = Record<string, unknown>;
const COLLECTIONS = ['dossiers', 'events', 'warehouse'] as const;
type Held = (typeof COLLECTIONS)[number] | 'summaries';

/** A server's live documents by collection and id; `eventSeq`: where each event was stored (the order the server applied them). */
export type Snapshot = Record<Held, Map<string, Doc>> & { eventSeq: Map<string, number> };

export async function snapshotOf(store: SyncStore): Promise<Snapshot> {
  const rows = async (collection: Held) => (await store.documents.pull(collection, { kind: 'all' }, 0, 1_000_000)).filter((d) => !d.deleted);
  const read = async (collection: Held) => new Map((await rows(collection)).map((d) => [d.id, d.data]));
  const events = await rows('events');
  return {
    dossiers: await read('dossiers'), events: new Map(events.map((d) => [d.id, d.data])), warehouse: await read('warehouse'), summaries: await read('summaries'),
    eventSeq: new Map(events.map((d) => [d.id, d.seq])),
  };
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
  /** Event id → label of the device whose chain it is: every own event the devices hold at the end. */
  created: Map<string, string>;
  /** Push refusals by error code, on every device and tier link. */
  refusals: Record<string, number>;
  /** Warehouse document id → label of the device the server acknowledged it to. */
  stored: Map<string, string>;
  /** Ids every server seeds on its first start (demo data), held everywhere without replication. */
  seeded: Set<string>;
}

const ofAgencies = (map: Map<string, Doc>, agencyIds: string[], keep: (doc: Doc) => boolean = () => true) =>
  new Map([...map].filter(([, doc]) => agencyIds.includes(doc.agencyId as string) && keep(doc)));

/** A citizen's draft, or its history: the citizen's alone, never sent up. */
const isDraft = isCitizenDraft;

/** The server's answer to an event, when it has one. */
const outcomeOf = (doc: Doc | undefined) => doc?.outcome as { status?: unknown; code?: unknown } | undefined;

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

  // No action lost: every event a device recorded is at its commune with the server's answer; the
  // acknowledged ones at the province too, but a citizen's draft history (it stays at the commune).
  const deviceOf = new Map(facts.devices.map((d) => [d.label, d]));
  for (const [eventId, label] of facts.created) {
    const event = at(deviceOf.get(label)!.commune).events.get(eventId);
    const status = outcomeOf(event)?.status;
    if (event && status !== 'applied' && status !== 'refused') problems.push(`event ${eventId} of ${label} has no outcome at ${deviceOf.get(label)!.commune.name}`);
  }
  for (const [eventId, label] of new Map([...facts.created, ...facts.acked])) {
    const commune = deviceOf.get(label)!.commune;
    const event = at(commune).events.get(eventId);
    if (!event) {
      problems.push(`${facts.acked.has(eventId) ? 'acknowledged ' : ''}event ${eventId} of ${label} missing at ${commune.name}`);
      continue;
    }
    if (facts.acked.has(eventId) && !isDraft(event) && !at(commune.parent!).events.has(eventId)) {
      problems.push(`acknowledged event ${eventId} of ${label} missing at ${commune.parent!.name}`);
    }
  }
  for (const [id, label] of facts.stored) {
    const commune = deviceOf.get(label)!.commune;
    for (const node of [commune, commune.parent!, facts.nation]) {
      if (!at(node).warehouse.has(id)) problems.push(`acknowledged warehouse document ${id} of ${label} missing at ${node.name}`);
    }
  }
  for (const device of facts.devices) {
    const below = [...at(device.commune).events.values()].filter((e) => e.deviceId === device.deviceId);
    // The province holds the chain but for the draft history, which the commune keeps: the chain is
    // checked there with those links taken from the commune.
    const above = [...at(device.commune.parent!).events.values()].filter((e) => e.deviceId === device.deviceId);
    const kept = below.filter((e) => isDraft(e) && !above.some((a) => a.id === e.id));
    for (const [node, own] of [[device.commune, below], [device.commune.parent!, [...above, ...kept]]] as const) {
      const check = await verifyChain(own as unknown as DossierEvent[], sha256Hex);
      if (!check.ok) problems.push(`${device.label} at ${node.name}: chain broken at ${check.index}: ${check.message}`);
    }
  }
  for (const node of facts.communes) problems.push(...actionLogProblems(node, at(node), seeded));
  // The server merges no dossier states any more: no content is ever unmergeable.
  for (const [node, snapshot] of snapshots) {
    const unmergeable = [...snapshot.events.values()].filter((e) => outcomeOf(e)?.code === 'content_unmergeable');
    if (unmergeable.length > 0) problems.push(`${node.name}: ${unmergeable.length} events refused as content_unmergeable`);
  }
  if (facts.refusals.content_unmergeable) problems.push(`${facts.refusals.content_unmergeable} pushes refused as content_unmergeable`);
  problems.push(...codeProblems(snapshots));
  return problems;
}

/** The fields of a stored dossier that record what became of its actions. */
interface ActionLog {
  status: number;
  heads?: Array<{ deviceId: string; seq: number }>;
  conflicts: Array<{ eventId: string; by: string; action?: string; note?: string }>;
}

/**
 * Each dossier at a commune is the projection of its actions: its status is the one its last applied
 * action left, it took in every action of each device (its `heads` entry is the device's last event
 * on it), and it lists every refused action with its author, and nothing else (the chaos never
 * settles a conflict).
 */
function actionLogProblems(node: TierNode, snapshot: Snapshot, seeded: Set<string>): string[] {
  const problems: string[] = [];
  const byDossier = new Map<string, Doc[]>();
  for (const [id, event] of snapshot.events) {
    if (seeded.has(id)) continue;
    const list = byDossier.get(event.dossierId as string) ?? [];
    list.push(event);
    byDossier.set(event.dossierId as string, list);
  }
  for (const [dossierId, events] of byDossier) {
    const dossier = snapshot.dossiers.get(dossierId) as ActionLog | undefined;
    if (!dossier) {
      // Only a refused `create` leaves no dossier.
      if (events.some((e) => outcomeOf(e)?.status !== 'refused')) problems.push(`${node.name}: dossier ${dossierId} missing, its events applied`);
      continue;
    }
    const applied = events.filter((e) => outcomeOf(e)?.status === 'applied');
    const latest = applied.sort((a, b) => snapshot.eventSeq.get(a.id as string)! - snapshot.eventSeq.get(b.id as string)!).at(-1);
    const left = (latest?.outcome as { toStatus?: number } | undefined)?.toStatus;
    if (latest && left !== dossier.status) {
      problems.push(`${node.name}: dossier ${dossierId} is at status ${dossier.status}, its last applied action (${String(latest.type)}) left it at ${String(left)}`);
    }
    const last = new Map<string, number>();
    for (const e of events) last.set(e.deviceId as string, Math.max(last.get(e.deviceId as string) ?? 0, e.deviceSeq as number));
    for (const [deviceId, seq] of last) {
      const head = dossier.heads?.find((h) => h.deviceId === deviceId)?.seq ?? 0;
      if (head !== seq) problems.push(`${node.name}: dossier ${dossierId} took in ${deviceId} up to ${head}, its last event there is ${seq}`);
    }
    const refused = events.filter((e) => outcomeOf(e)?.status === 'refused');
    const listed = new Map(dossier.conflicts.map((c) => [c.eventId, c]));
    for (const e of refused) {
      const entry = listed.get(e.id as string);
      const by = (e.actor as { name: string }).name;
      // (A dossier lists its last MAX_CONFLICTS refusals; the older stay in the history.)
      if (!entry && refused.length <= MAX_CONFLICTS) problems.push(`${node.name}: refused ${String(e.type)} ${String(e.id)} not listed on ${dossierId}`);
      else if (entry && entry.by !== by) problems.push(`${node.name}: refused ${String(e.id)} listed as by ${entry.by}, made by ${by}`);
    }
    // Every conflict listed is a refused event of the dossier: tiers relay actions, never a merge of states.
    const unknown = [...listed.values()].filter((c) => !refused.some((e) => e.id === c.eventId));
    if (unknown.length > 0) problems.push(`${node.name}: ${dossierId} lists conflicts that are no refused event of it: ${JSON.stringify(unknown).slice(0, 400)}`);
  }
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
