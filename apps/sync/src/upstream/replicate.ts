/**
 * One replication pass of a tier with its parent, per collection: push what changed here since
 * the push checkpoint (conflicts resolved like a browser does: dossiers merged, the rest kept as
 * this tier wrote them), then pull what changed there since the pull checkpoint. Checkpoints live
 * in the store's meta table, so a pass interrupted by a lost link resumes where it stopped and a
 * retried page changes nothing twice.
 * @module
 */
import { mergeDossier, type CollectionName, type Dossier } from '@motcua/model';
import type { StoredDocument, SyncStore } from '../store/types.ts';
import type { ChangeBus } from '../sync/change-bus.ts';
import { canonical, fromWire, sameDocument, toWire, type WireDocument } from '../sync/documents.ts';
import { scopeColumns } from '../sync/scope.ts';
import { UpstreamError, type UpstreamClient } from './client.ts';

export const PAGE = 200;

export interface ReplicateContext {
  store: SyncStore;
  client: UpstreamClient;
  bus: ChangeBus;
  /** The agencies this tier owns: only their documents go up. */
  agencyIds: string[];
  /**
   * Local versions this replication wrote from the parent ("collection/id" → seq): they are the
   * parent's already, so pushing them back would only risk replacing a newer parent version.
   */
  echoes: Map<string, number>;
  /** Told about each row the parent refused (the pass goes on without it; the next pass sends it again). */
  onRefused?: (collection: CollectionName, id: string, reason: string) => void;
}

export interface PassResult {
  pushed: number;
  pulled: number;
  /** Rows the parent refused (out of its scope for this tier, or invalid there). */
  refused: number;
}

const key = (kind: 'push' | 'pull' | 'refused', collection: CollectionName) => `upstream:${kind}:${collection}`;

/** The stored checkpoint (0 before the first pass). */
export async function checkpointOf(store: SyncStore, direction: 'push' | 'pull', collection: CollectionName): Promise<number> {
  return Number((await store.meta.get(key(direction, collection))) ?? 0);
}

function resolve(collection: CollectionName, master: WireDocument, local: StoredDocument): WireDocument {
  if (collection !== 'dossiers' || local.deleted || master._deleted) return toWire(local);
  const merged = mergeDossier(fromWire(master).data as unknown as Dossier, local.data as unknown as Dossier);
  return { ...(merged as unknown as Record<string, unknown>), _deleted: false };
}

async function writeLocal(ctx: ReplicateContext, collection: CollectionName, doc: WireDocument): Promise<void> {
  const { data, deleted } = fromWire(doc);
  const seq = await ctx.store.documents.write((tx) => tx.put(collection, { id: String(data.id), data, deleted, ...scopeColumns(collection, data) }));
  ctx.echoes.set(`${collection}/${String(data.id)}`, seq);
  ctx.bus.publish(collection);
}

interface PageResult {
  pushed: number;
  /** Ids of rows the parent refused. */
  refused: string[];
  /** Ids of rows the parent changed again while their conflict was being resolved. */
  unresolved: string[];
}

/** Pushes one page; a refused page is retried row by row so one bad row cannot stall the rest. */
async function pushPage(ctx: ReplicateContext, collection: CollectionName, docs: StoredDocument[]): Promise<PageResult> {
  const rows = docs.map((doc) => ({ assumedMasterState: null, newDocumentState: toWire(doc) }));
  let conflicts: WireDocument[];
  const refused: string[] = [];
  const unresolved: string[] = [];
  try {
    conflicts = await ctx.client.push(collection, rows);
  } catch (error) {
    if (!(error instanceof UpstreamError) || error.status === null || error.status >= 500 || error.status === 401) throw error;
    conflicts = [];
    for (const row of rows) {
      try {
        conflicts.push(...(await ctx.client.push(collection, [row])));
      } catch (single) {
        if (!(single instanceof UpstreamError) || single.status === null || single.status >= 500) throw single;
        refused.push(String(row.newDocumentState.id));
        ctx.onRefused?.(collection, String(row.newDocumentState.id), single.message);
      }
    }
  }
  for (const master of conflicts) {
    const local = await ctx.store.documents.get(collection, String(master.id));
    if (!local) continue;
    const next = resolve(collection, master, local);
    if (canonical(next) !== canonical(master) && collection !== 'events') {
      const again = await ctx.client.push(collection, [{ assumedMasterState: master, newDocumentState: next }]);
      if (again.length > 0) {
        // Changed again meanwhile: the next pass resolves it (the checkpoint stays before it).
        unresolved.push(String(master.id));
        continue;
      }
    }
    const merged = canonical(next) === canonical(master) || collection === 'events' ? master : next;
    if (!sameDocument(fromWire(merged), local)) await writeLocal(ctx, collection, merged);
  }
  return { pushed: docs.length - refused.length - unresolved.length, refused, unresolved };
}

/**
 * The rows the parent refused before are sent again at every pass until it takes them (its rules
 * or this tier's scope there may have changed): a refused write is never dropped. Returns the ids
 * still refused.
 */
async function retryRefused(ctx: ReplicateContext, collection: CollectionName, result: PassResult): Promise<string[]> {
  const ids = JSON.parse((await ctx.store.meta.get(key('refused', collection))) ?? '[]') as string[];
  const docs = (await Promise.all(ids.map((id) => ctx.store.documents.get(collection, id)))).filter((d): d is StoredDocument => d !== null);
  if (docs.length === 0) return [];
  const page = await pushPage(ctx, collection, docs);
  result.pushed += page.pushed;
  result.refused += page.refused.length;
  return [...page.refused, ...page.unresolved];
}

async function pushCollection(ctx: ReplicateContext, collection: CollectionName, result: PassResult): Promise<void> {
  const scope = { kind: 'agencies', agencyIds: ctx.agencyIds, hideDrafts: true } as const;
  const refused = new Set(await retryRefused(ctx, collection, result));
  // Saved before each checkpoint move, so a refused row is remembered even if the pass stops there.
  const saveRefused = () => ctx.store.meta.set(key('refused', collection), JSON.stringify([...refused]));
  await saveRefused();
  for (;;) {
    const after = await checkpointOf(ctx.store, 'push', collection);
    const stored = await ctx.store.documents.pull(collection, scope, after, PAGE);
    if (stored.length === 0) return;
    const docs = stored.filter((doc) => ctx.echoes.get(`${collection}/${doc.id}`) !== doc.seq);
    const page = docs.length > 0 ? await pushPage(ctx, collection, docs) : { pushed: 0, refused: [], unresolved: [] };
    result.pushed += page.pushed;
    result.refused += page.refused.length;
    for (const id of page.refused) refused.add(id);
    await saveRefused();
    if (page.unresolved.length > 0) {
      // Stop just before the first unresolved row: the next pass pushes it again, and until then
      // the pull leaves it alone instead of replacing it with the parent's version.
      const first = Math.min(...stored.filter((doc) => page.unresolved.includes(doc.id)).map((doc) => doc.seq));
      if (first - 1 > after) await ctx.store.meta.set(key('push', collection), String(first - 1));
      return;
    }
    await ctx.store.meta.set(key('push', collection), String(stored.at(-1)!.seq));
  }
}

async function pullCollection(ctx: ReplicateContext, collection: CollectionName, pushes: boolean, result: PassResult): Promise<void> {
  for (;;) {
    const after = await checkpointOf(ctx.store, 'pull', collection);
    const { documents, checkpoint } = await ctx.client.pull(collection, after, PAGE);
    if (documents.length === 0 || !checkpoint) return;
    const pushedUpTo = pushes ? await checkpointOf(ctx.store, 'push', collection) : Infinity;
    const written = await ctx.store.documents.write(async (tx) => {
      const locals = await tx.lock(collection, documents.map((doc) => String(doc.id)));
      let count = 0;
      for (const doc of documents) {
        const { data, deleted } = fromWire(doc);
        const local = locals.get(String(data.id));
        if (local && sameDocument({ data, deleted }, local)) continue;
        // Not pushed yet: the next push meets the parent's version as a conflict and merges it.
        if (local && local.seq > pushedUpTo && ctx.echoes.get(`${collection}/${local.id}`) !== local.seq) continue;
        const seq = await tx.put(collection, { id: String(data.id), data, deleted, ...scopeColumns(collection, data) });
        ctx.echoes.set(`${collection}/${String(data.id)}`, seq);
        count++;
      }
      return count;
    });
    if (written > 0) ctx.bus.publish(collection);
    result.pulled += written;
    await ctx.store.meta.set(key('pull', collection), String(checkpoint.seq));
  }
}

/** One full pass: every pushed collection, then every pulled one. Throws `UpstreamError` when the link drops. */
export async function replicateOnce(ctx: ReplicateContext, plan: { push: CollectionName[]; pull: CollectionName[] }): Promise<PassResult> {
  const result: PassResult = { pushed: 0, pulled: 0, refused: 0 };
  for (const collection of plan.push) await pushCollection(ctx, collection, result);
  for (const collection of plan.pull) await pullCollection(ctx, collection, plan.push.includes(collection), result);
  return result;
}
