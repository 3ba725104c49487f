/**
 * What must hold on each device after the chaos: it equals its server's view of its scope
 * (`divergence`), holds nothing outside its user's scope (`scopeLeaks`), and the server answered
 * every action it recorded (`ownEvents`). What must hold between the tiers is in `tier-invariants.ts`.
 */
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import type { TestClient } from '../integration/clients.ts';

type Doc = Record<string, unknown>;

const strip = (doc: Doc): Doc => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));

/** What `token`'s user may pull of `collection` at `url`: id → canonical JSON (deleted left out). */
export async function serverView(url: string, token: string, collection: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let checkpoint: unknown = null;
  for (;;) {
    const q = checkpoint ? `checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}&` : '';
    const res = await fetch(`${url}/api/sync/${collection}/pull?${q}limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`pull ${collection}: ${res.status}`);
    const body = (await res.json()) as { documents: Doc[]; checkpoint: unknown };
    if (body.documents.length === 0) return out;
    for (const doc of body.documents) if (doc._deleted !== true) out.set(String(doc.id), canonical(strip(doc)));
    checkpoint = body.checkpoint;
  }
}

async function localView(client: TestClient, collection: 'dossiers' | 'events'): Promise<Map<string, string>> {
  const docs = await client.db[collection].find().exec();
  return new Map(docs.map((d) => [d.id, canonical(strip(d.toJSON() as Doc))]));
}

/** Differences between the device and the server's view of its scope (empty when converged). */
export async function divergence(client: TestClient): Promise<string[]> {
  const problems: string[] = [];
  for (const collection of ['dossiers', 'events'] as const) {
    const [here, there] = [await localView(client, collection), await serverView(client.url, await client.token(), collection)];
    const brief = (json: string | undefined) => {
      const d = json ? (JSON.parse(json) as Doc) : null;
      return d ? `status ${String(d.status)} code ${String(d.code)} updatedAt ${String(d.updatedAt)}` : 'none';
    };
    for (const [id, doc] of there) {
      if (here.get(id) !== doc) problems.push(`${client.label}: ${collection}/${id} ${here.has(id) ? `differs (device ${brief(here.get(id))}, server ${brief(doc)})` : 'missing'}`);
    }
    for (const id of here.keys()) if (!there.has(id)) problems.push(`${client.label}: ${collection}/${id} not on the server`);
  }
  return problems;
}

/**
 * A citizen's draft (created online, channel 2) or an event of its history while a draft (toStatus
 * 0, by the citizen): the citizen's alone. A desk's in-person intake is the agency's from its start.
 */
export const isCitizenDraft = (doc: Doc): boolean =>
  (doc.status === 0 && doc.channel === 2) || (doc.toStatus === 0 && (doc.actor as Doc | undefined)?.role === 'citizen');

/**
 * A device holds only its user's scope: a citizen their own dossiers and histories, an officer their
 * agency's and never a citizen's draft.
 */
export async function scopeLeaks(client: TestClient): Promise<string[]> {
  const { user } = client;
  const dossiers = (await client.db.dossiers.find().exec()).map((d) => d.toJSON() as Doc);
  const events = (await client.db.events.find().exec()).map((d) => d.toJSON() as Doc);
  const foreign = user.role === 'citizen'
    ? (doc: Doc) => doc.ownerCccd !== user.cccd
    : (doc: Doc) => doc.agencyId !== user.agencyId || isCitizenDraft(doc);
  const [d, e] = [dossiers.filter(foreign).length, events.filter(foreign).length];
  return d + e > 0 ? [`${client.label}: holds ${d} dossiers and ${e} events outside its scope`] : [];
}

/** The events a device recorded (its own chain), and those of them still without the server's answer. */
export interface OwnEvents {
  label: string;
  /** Ids of every event of this device's chain that it holds. */
  ids: string[];
  /** Problems: an own event the server never answered (no `outcome`) once the country converged. */
  unanswered: string[];
}

export async function ownEvents(client: TestClient): Promise<OwnEvents> {
  const own = (await client.db.events.find({ selector: { deviceId: client.deviceId } }).exec()).map((d) => d.toJSON() as Doc);
  const unanswered = own.filter((e) => e.outcome === undefined);
  return {
    label: client.label,
    ids: own.map((e) => String(e.id)),
    unanswered: unanswered.length > 0
      ? [`${client.label}: ${unanswered.length} own events never answered by the server (${unanswered.slice(0, 3).map((e) => `${String(e.type)} ${String(e.id)}`).join(', ')})`]
      : [],
  };
}
