/**
 * One replication pass of a tier with its parent, per collection: push what changed here since
 * the push checkpoint, then pull what changed there since the pull checkpoint. Checkpoints live
 * in the store's meta table, so a pass interrupted by a lost link resumes where it stopped and a
 * retried page changes nothing twice.
 *
 * @remarks This tier decides the dossiers of its agencies. The parent takes a dossier this tier
 * sends when it holds every action the parent's copy took in; otherwise the dossier waits here like
 * a refused row, the pull brings the actions people took at the parent, this tier applies them
 * (`takeInParentEvents`) and the changed dossier goes up again. A pulled dossier replaces this
 * tier's only when it holds more actions. Other conflicts keep this tier's version; a projection such
 * as a dossier summary is simply sent again.
 * @module
 */
import { holdsEvery, type CollectionName, type Dossier, type DossierEvent } from '@motcua/model';
import type { StoredDocument, SyncStore } from '../store/types.ts';
import type { ChangeBus } from '../sync/change-bus.ts';
import { canonical, fromWire, sameDocument, toWire, type WireDocument } from '../sync/documents.ts';
import { scopeColumns } from '../sync/scope.ts';
import { takeInParentEvents } from '../sync/apply-actions.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';
import { UpstreamError, type PushRow, type UpstreamClient } from './client.ts';
import type { PushStep, ReplicationPlan } from './plan.ts';

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
  /** Told about each row the parent refused (the pass goes on without it; it is sent again later). */
  onRefused?: (collection: CollectionName, id: string, reason: string) => void;
  /** The clock (ms) that spaces out the retries of refused rows; default `Date.now`. */
  now?: () => number;
}

export interface PassResult {
  pushed: number;
  pulled: number;
  /** Rows the parent refused (out of its scope for this tier, or invalid there). */
  refused: number;
}

// Push checkpoints and refused rows are kept per parent collection: a new projection starts from 0.
const key = (kind: 'push' | 'pull' | 'refused', collection: CollectionName) => `upstream:${kind}:${collection}`;

/** The stored checkpoint (0 before the first pass); a push checkpoint is named by the parent's collection. */
export async function checkpointOf(store: SyncStore, direction: 'push' | 'pull', collection: CollectionName): Promise<number> {
  return Number((await store.meta.get(key(direction, collection))) ?? 0);
}

/** What goes up of a stored document. */
function wireOf(step: PushStep, doc: StoredDocument): WireDocument {
  return step.project ? { ...step.project(doc.data), _deleted: doc.deleted } : toWire(doc);
}

interface PageResult {
  pushed: number;
  /** Ids of rows the parent refused. */
  refused: string[];
  /** Ids of rows the parent changed again while their conflict was being resolved. */
  unresolved: string[];
}

/** Pushes one page; a refused page is retried row by row so one bad row cannot stall the rest. */
async function pushPage(ctx: ReplicateContext, step: PushStep, docs: StoredDocument[]): Promise<PageResult> {
  const collection = step.to;
  const refused: string[] = [];
  const unresolved: string[] = [];
  const rows: PushRow[] = [];
  for (const doc of docs) {
    try {
      rows.push({ assumedMasterState: null, newDocumentState: wireOf(step, doc) });
    } catch (error) {
      // A document this tier cannot project (an older shape) waits like a refused row, never stalls the rest.
      refused.push(doc.id);
      ctx.onRefused?.(collection, doc.id, (error as Error).message);
    }
  }
  if (rows.length === 0) return { pushed: 0, refused, unresolved };
  let conflicts: WireDocument[];
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
  // A dossier the parent holds more actions of waits for them (the pull brings them); it is sent
  // again once they changed it here.
  const held = collection === 'dossiers' ? conflicts.map((master) => String(master.id)) : [];
  for (const id of held) {
    refused.push(id);
    ctx.onRefused?.(collection, id, 'the parent holds actions this tier has not applied yet');
  }
  // Read fresh, not from the page: this tier's version as it is now goes up again.
  const others = conflicts.filter((master) => !held.includes(String(master.id)));
  const locals = await Promise.all(others.map((master) => ctx.store.documents.get(step.from, String(master.id))));
  // Where this tier's version differs from the parent's, it goes up again in one batch.
  const again = others.flatMap((master, i) => {
    const next = locals[i] ? wireOf(step, locals[i]) : null;
    return next && canonical(next) !== canonical(master) ? [{ assumedMasterState: master, newDocumentState: next }] : [];
  });
  // Changed again meanwhile: the next pass sends it again (the checkpoint stays before it).
  if (again.length > 0) unresolved.push(...(await ctx.client.push(collection, again)).map((doc) => String(doc.id)));
  return { pushed: docs.length - refused.length - unresolved.length, refused, unresolved };
}

/** A row the parent refused: the local version it refused, and when. */
interface Refusal {
  seq: number;
  at: number;
}

/** A refused row that has not changed here is sent again after this long (the parent's rules or this tier's scope there may change). */
export const REFUSED_RETRY_MS = 60 * 60_000;

async function readRefused(store: SyncStore, collection: CollectionName): Promise<Map<string, Refusal>> {
  const saved: unknown = JSON.parse((await store.meta.get(key('refused', collection))) ?? '{}');
  // Earlier versions kept a list of ids: send those again now.
  if (Array.isArray(saved)) return new Map(saved.map((id) => [String(id), { seq: -1, at: 0 }]));
  return new Map(Object.entries(saved as Record<string, Refusal>));
}

/**
 * The rows the parent refused before go up again once they changed here, or once an hour until it
 * takes them: a refused write is never dropped, and an unchanged one costs no request per pass.
 * Returns the rows still refused.
 */
async function retryRefused(ctx: ReplicateContext, step: PushStep, result: PassResult): Promise<Map<string, Refusal>> {
  const refused = await readRefused(ctx.store, step.to);
  const now = (ctx.now ?? Date.now)();
  const after = await checkpointOf(ctx.store, 'push', step.to);
  const docs = (await Promise.all([...refused.keys()].map((id) => ctx.store.documents.get(step.from, id)))).filter((d): d is StoredDocument => d !== null);
  const still = new Map<string, Refusal>();
  const due: StoredDocument[] = [];
  for (const doc of docs) {
    const last = refused.get(doc.id)!;
    if (doc.seq > after) {
      still.set(doc.id, last); // changed here since: the pass sends it with the other changes
    } else if (doc.seq !== last.seq || now - last.at >= REFUSED_RETRY_MS) {
      due.push(doc);
    } else {
      still.set(doc.id, last);
      result.refused++;
    }
  }
  if (due.length === 0) return still;
  const page = await pushPage(ctx, step, due);
  result.pushed += page.pushed;
  result.refused += page.refused.length;
  noteRefused(still, due, page.refused, now);
  // Changed on the parent while being resolved: tried again at the next pass.
  for (const id of page.unresolved) still.set(id, { seq: -1, at: 0 });
  return still;
}

/** Records the rows of `docs` the parent refused now. */
function noteRefused(refused: Map<string, Refusal>, docs: StoredDocument[], ids: string[], at: number): void {
  for (const id of ids) refused.set(id, { seq: docs.find((doc) => doc.id === id)!.seq, at });
}

async function pushCollection(ctx: ReplicateContext, step: PushStep, result: PassResult): Promise<void> {
  const scope = { kind: 'agencies', agencyIds: ctx.agencyIds, hideDrafts: true } as const;
  const collection = step.to;
  const refused = await retryRefused(ctx, step, result);
  // Saved before each checkpoint move, so a refused row is remembered even if the pass stops there.
  const saveRefused = () => ctx.store.meta.set(key('refused', collection), JSON.stringify(Object.fromEntries(refused)));
  await saveRefused();
  for (;;) {
    const after = await checkpointOf(ctx.store, 'push', collection);
    const stored = await ctx.store.documents.pull(step.from, scope, after, PAGE);
    if (stored.length === 0) return;
    const docs = stored.filter((doc) => ctx.echoes.get(`${step.from}/${doc.id}`) !== doc.seq);
    const page = docs.length > 0 ? await pushPage(ctx, step, docs) : { pushed: 0, refused: [], unresolved: [] };
    result.pushed += page.pushed;
    result.refused += page.refused.length;
    for (const doc of docs) if (!page.refused.includes(doc.id)) refused.delete(doc.id);
    noteRefused(refused, docs, page.refused, (ctx.now ?? Date.now)());
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

/** True when the parent's copy of a dossier should replace this tier's: it holds every action this one took in, and more. */
function parentHoldsMore(parent: Record<string, unknown>, local: StoredDocument): boolean {
  if (local.deleted) return true;
  const [above, here] = [parent as unknown as Dossier, local.data as unknown as Dossier];
  return holdsEvery(above, here) && !holdsEvery(here, above);
}

async function pullCollection(ctx: ReplicateContext, collection: CollectionName, pushes: boolean, result: PassResult): Promise<void> {
  for (;;) {
    const after = await checkpointOf(ctx.store, 'pull', collection);
    const { documents, checkpoint } = await ctx.client.pull(collection, after, PAGE);
    if (documents.length === 0 || !checkpoint) return;
    const pushedUpTo = pushes ? await checkpointOf(ctx.store, 'push', collection) : Infinity;
    const notices: Array<Record<string, unknown>> = [];
    const written = await ctx.store.documents.write(async (tx) => {
      if (collection === 'events') {
        const events = documents.filter((doc) => !doc._deleted).map((doc) => fromWire(doc).data as unknown as DossierEvent);
        const taken = await takeInParentEvents(tx, ctx.agencyIds, events, new Date((ctx.now ?? Date.now)()));
        for (const [at, seq] of taken.echoes) ctx.echoes.set(at, seq);
        if (taken.written > taken.echoes.size) ctx.bus.publish('dossiers');
        notices.push(...taken.notices);
        return taken.written;
      }
      const locals = await tx.lock(collection, documents.map((doc) => String(doc.id)));
      let count = 0;
      for (const doc of documents) {
        const { data, deleted } = fromWire(doc);
        const local = locals.get(String(data.id));
        if (local && sameDocument({ data, deleted }, local)) continue;
        if (collection === 'dossiers' && local && !parentHoldsMore(data, local)) continue;
        // Not pushed yet: the next push meets the parent's version as a conflict and keeps this one.
        if (collection !== 'dossiers' && local && local.seq > pushedUpTo && ctx.echoes.get(`${collection}/${local.id}`) !== local.seq) continue;
        const seq = await tx.put(collection, { id: String(data.id), data, deleted, ...scopeColumns(collection, data) });
        ctx.echoes.set(`${collection}/${String(data.id)}`, seq);
        count++;
      }
      return count;
    });
    // What people did at the parent and this tier applied: this tier decides, so it tells the citizen.
    await enqueueNotifications(ctx.store, 'events', notices);
    if (written > 0) ctx.bus.publish(collection);
    result.pulled += written;
    await ctx.store.meta.set(key('pull', collection), String(checkpoint.seq));
  }
}

/** One full pass: every pushed collection, then every pulled one. Throws `UpstreamError` when the link drops. */
export async function replicateOnce(ctx: ReplicateContext, plan: ReplicationPlan): Promise<PassResult> {
  const result: PassResult = { pushed: 0, pulled: 0, refused: 0 };
  for (const step of plan.push) await pushCollection(ctx, step, result);
  const mirrored = (collection: CollectionName) => plan.push.some((step) => step.from === collection && step.to === collection && !step.project);
  for (const collection of plan.pull) await pullCollection(ctx, collection, mirrored(collection), result);
  return result;
}
