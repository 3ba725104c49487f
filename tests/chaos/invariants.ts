/**
 * What must hold after the chaos: every replica equals the server's view of its scope; every
 * acknowledged event reached the server; every device's history chain verifies; no two dossiers
 * share a code; a citizen's device holds only the citizen's own.
 */
import { sha256Hex } from '@motcua/crypto';
import { verifyChain, type DossierEvent } from '@motcua/model';
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';
import type { TestClient } from '../integration/clients.ts';

type Doc = Record<string, unknown>;

const strip = (doc: Doc): Doc => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));

async function serverView(url: string, token: string, collection: string): Promise<Map<string, string>> {
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

/** Every invariant but convergence; returns the violations (empty when all hold). */
export async function checkInvariants(store: SyncStore, clients: TestClient[], acked: Map<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const [eventId, label] of acked) {
    if (!(await store.documents.get('events', eventId))) problems.push(`acknowledged event ${eventId} of ${label} lost`);
  }
  const events = (await store.documents.pull('events', { kind: 'all' }, 0, 1_000_000)).map((d) => d.data as unknown as DossierEvent);
  for (const client of clients) {
    const own = events.filter((e) => e.deviceId === client.deviceId);
    const check = await verifyChain(own, sha256Hex);
    if (!check.ok) problems.push(`${client.label}: chain broken at ${check.index}: ${check.message}`);
    if (client.user.role === 'citizen') {
      const foreign = (await client.db.dossiers.find().exec()).filter((d) => d.ownerCccd !== client.user.cccd);
      const foreignEvents = (await client.db.events.find().exec()).filter((e) => e.ownerCccd !== client.user.cccd);
      if (foreign.length + foreignEvents.length > 0) problems.push(`${client.label}: holds ${foreign.length} dossiers and ${foreignEvents.length} events of others`);
    }
  }
  const codes = (await store.documents.pull('dossiers', { kind: 'all' }, 0, 1_000_000)).map((d) => d.data.code).filter((c) => typeof c === 'string');
  if (new Set(codes).size !== codes.length) problems.push(`duplicate dossier codes among ${codes.length}`);
  return problems;
}
