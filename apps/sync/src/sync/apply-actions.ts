/**
 * The write path of dossiers: a person's device pushes history events, each carrying an action;
 * the server applies each action with the model's `applyAction`, in the order it receives them, to
 * the dossier as it holds it, with the actor taken from the token, and stores the dossier it derived
 * (the projection) beside the event and what became of it (`outcome`). An action that cannot apply
 * any more is kept as refused, listed on the dossier for an officer; it is never dropped and never
 * half-applied. Devices write no dossier state at all (`dossier_readonly`).
 *
 * @remarks A push is refused whole (nothing stored) only when it is not a device's honest report:
 * an event that is not schema-valid, altered (its hash), signed by someone else, about a dossier out
 * of the pusher's scope, or from before actions were the write path (`app_outdated`, "Cập nhật").
 * @module
 */
import {
  applyAction, eventHashInput, headOf, isRefusal, listRefusal, takeIn, type Actor, type Dossier, type DossierEvent, type SessionUser,
  type WireAction,
} from '@motcua/model';
import { sha256Hex } from '@motcua/crypto';
import { checkPushedCode } from '../codes/check-code.ts';
import { forbidden, HttpError, unprocessable } from '../errors.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';
import type { DocumentTx, ScopeFilter, StoredDocument } from '../store/types.ts';
import { assignDossierCode } from './dossier-code.ts';
import { decidedBelow } from './decided-below.ts';
import { engine } from './dossier-content.ts';
import { assertStorable, fromWire, sameDocument, toWire, type WireDocument } from './documents.ts';
import type { PushRow } from './push-body.ts';
import type { PushContext } from './push.ts';
import { readView } from './pull.ts';
import { readScope, scopeColumns, storedInScope } from './scope.ts';
import { assertValid } from './validate.ts';

type Data = Record<string, unknown>;

/** A client from before actions were the write path: it must update before it can sync. */
export function appOutdated(what: string): HttpError {
  return new HttpError(426, 'app_outdated', `${what}: phiên bản ứng dụng đã cũ. Hãy bấm "Cập nhật" để tải phiên bản mới rồi đồng bộ lại.`);
}

/** Checks of an event alone, before any stored state is read; throws HttpError. */
async function checkEvent(user: SessionUser, deviceId: string | null, row: PushRow, index: number): Promise<DossierEvent> {
  const next = fromWire(row.newDocumentState);
  assertStorable(next.data);
  if (next.deleted) throw forbidden('event_immutable', 'Không được xóa lịch sử xử lý hồ sơ');
  assertValid('events', next.data, index);
  const event = next.data as unknown as DossierEvent;
  if (event.outcome !== undefined) throw forbidden('outcome_readonly', `Sự kiện thứ ${index + 1}: kết quả xử lý (outcome) do máy chủ ghi`);
  if (event.action === undefined) throw appOutdated(`Sự kiện thứ ${index + 1}`);
  if (event.actor.userId !== user.id || event.actor.role !== user.role) {
    throw forbidden('actor_mismatch', `Sự kiện thứ ${index + 1} phải do chính người gửi thực hiện (actor)`);
  }
  if (deviceId !== null && event.deviceId !== deviceId) {
    throw forbidden('device_mismatch', `Sự kiện thứ ${index + 1} không phải của thiết bị này (X-Device-Id)`);
  }
  if ((await sha256Hex(eventHashInput(event))) !== event.hash) {
    throw unprocessable('event_altered', `Sự kiện thứ ${index + 1}: mã băm không khớp nội dung`);
  }
  return event;
}

/** The stored event `row` sends back as the pusher read it, when they may; null otherwise. */
async function storedAsSent(ctx: PushContext, scope: ScopeFilter, row: PushRow): Promise<WireDocument | null> {
  const sent = fromWire(row.newDocumentState);
  if (typeof sent.data.id !== 'string' || sent.data.outcome === undefined) return null;
  const stored = await ctx.store.documents.get('events', sent.data.id);
  if (!stored || !storedInScope(scope, stored)) return null;
  const read = readView('events', ctx.user)(stored);
  const { _deleted, ...data } = read;
  return sameDocument(sent, { data, deleted: _deleted }) ? read : null;
}

/** True when the new dossier (or event of a new one) lies where `who` may create it; a relayed one, in the tier's agencies. */
function mayCreateAt(who: Applier, columns: { ownerCccd: string | null; agencyId: string | null }): boolean {
  const { scope } = who;
  if (who.actor.role === 'citizen' && !who.relayed) return scope.kind === 'owner' && columns.ownerCccd === scope.cccd;
  return scope.kind === 'agencies' && columns.agencyId !== null && scope.agencyIds.includes(columns.agencyId);
}

/** Whom an action is applied for: the person pushing it, or the actor of an event the parent tier relays. */
interface Applier {
  actor: Actor;
  /** The citizen's own CCCD, for the dossiers they create. */
  ownerCccd: string | undefined;
  /** The device whose leased codes the action may use. */
  deviceId: string | null;
  scope: ScopeFilter;
  /** From the parent tier, which authenticated the actor and checked the codes it leased. */
  relayed: boolean;
  /** A lower tier decides the dossier (`decided-below.ts`): no code is drawn and nobody is told here. */
  provisional?: boolean;
}

const applierOf = (ctx: PushContext, scope: ScopeFilter): Applier => ({
  actor: { userId: ctx.user.id, name: ctx.user.fullName, role: ctx.user.role }, ownerCccd: ctx.user.cccd ?? undefined,
  deviceId: ctx.deviceId ?? null, scope, relayed: false,
});

/** The reason to keep with a refused action, from whatever refused it. */
function refusalOf(error: unknown): { code: string; reason: string } | null {
  if (isRefusal(error)) return { code: error.code, reason: error.message };
  if (error instanceof HttpError && error.status < 500) return { code: error.code, reason: error.message };
  return null;
}

interface Derived {
  dossier: Data | null;
  event: DossierEvent;
  /** The event as the server derived it, when applied: what notifications read. */
  notice: Data | null;
}

/** Applies one event's action inside the transaction: the dossier to store and the event with its outcome. */
async function derive(who: Applier, tx: DocumentTx, event: DossierEvent, master: StoredDocument | null, now: Date): Promise<Derived> {
  const { scope } = who;
  const live = master && !master.deleted ? (master.data as unknown as Dossier) : null;
  if (master && !storedInScope(scope, master)) throw forbidden('out_of_scope', `Không có quyền với hồ sơ "${event.dossierId}"`);
  const action = event.action as WireAction;
  if (!live && action.type !== 'create') {
    throw forbidden('out_of_scope', `Không có hồ sơ "${event.dossierId.slice(0, 64)}" trong phạm vi của người gửi`);
  }
  if (live && (event.agencyId !== live.agencyId || event.ownerCccd !== live.ownerCccd)) {
    throw unprocessable('event_mismatch', `Sự kiện "${event.id}" không khớp cơ quan hoặc chủ của hồ sơ`);
  }
  if (!live && !mayCreateAt(who, event)) throw forbidden('out_of_scope', `Không được tạo hồ sơ tại "${event.agencyId}"`);
  // The device's clock says when it happened (printed on the slip); never later than now, nor
  // earlier than the dossier's last change.
  const at = new Date(Math.max(Math.min(Date.parse(event.at), now.getTime()), live?.updatedAt ?? -Infinity));
  const outcomeOf = (applied: boolean, fields: { reason?: string; code?: string; from: number; to: number }) => ({
    status: applied ? ('applied' as const) : ('refused' as const),
    reason: fields.reason ?? '',
    code: fields.code ?? '',
    fromStatus: fields.from,
    toStatus: fields.to,
    at: now.toISOString(),
  });
  try {
    const procedure = action.type === 'create' ? await tx.get('procedures', String(action.procedureId)) : null;
    const agency = action.type === 'create' ? await tx.get('agencies', String(action.agencyId)) : null;
    const result = applyAction(engine, live, action, {
      actor: who.actor,
      now: at,
      eventId: event.id,
      deviceId: event.deviceId,
      dossierId: event.dossierId,
      procedure: procedure && !procedure.deleted ? (procedure.data as never) : null,
      ownerCccd: who.ownerCccd,
      seen: { fromStatus: event.fromStatus, toStatus: event.toStatus },
    });
    if (action.type === 'create' && (!agency || agency.deleted)) throw unprocessable('unknown_agency', `Không có cơ quan "${String(action.agencyId).slice(0, 64)}"`);
    if (result.event.type !== event.type) throw unprocessable('event_mismatch', `Sự kiện "${event.id}" ghi loại "${event.type}" cho thao tác "${action.type}"`);
    if (!live && (result.dossier.agencyId !== event.agencyId || result.dossier.ownerCccd !== event.ownerCccd)) {
      throw unprocessable('event_mismatch', `Sự kiện "${event.id}" không khớp cơ quan hoặc chủ của hồ sơ mới`);
    }
    const dossier = takeIn(result.dossier, event) as unknown as Data;
    const code = dossier.code as string | null;
    if (code !== null && code !== (live?.code ?? null)) {
      await checkPushedCode(tx, { userId: who.actor.userId, deviceId: who.deviceId, tier: who.relayed }, {
        code, dossierId: event.dossierId, agencyId: dossier.agencyId as string, receivedAt: dossier.receivedAt as string | null,
      });
    }
    if (typeof dossier.status === 'number' && dossier.status >= 2 && dossier.code === null && !who.provisional) {
      dossier.code = await assignDossierCode(tx, { agencyId: dossier.agencyId as string, receivedAt: dossier.receivedAt as string | null }, now);
    }
    assertStorable(dossier);
    assertValid('dossiers', dossier, 0);
    const outcome = outcomeOf(true, { from: result.event.fromStatus, to: result.event.toStatus });
    // What the citizen is told is what the server derived, not what the device wrote beside it.
    const notice = who.provisional ? null : ({ ...event, ...result.event, outcome } as unknown as Data);
    return { dossier, event: { ...event, outcome }, notice };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    const status = live?.status ?? 0;
    const outcome = outcomeOf(false, { reason: refusal.reason.slice(0, 5000), code: refusal.code.slice(0, 64), from: status, to: status });
    const kept = { ...event, outcome };
    const dossier = live ? (takeIn(listRefusal(live, kept, refusal.reason), event) as unknown as Data) : null;
    return { dossier, event: kept, notice: null };
  }
}

/**
 * Applies a person's push of history events (see the module comment). Returns the stored events
 * (with their outcome) that differ from what was pushed: the device learns at once what became of
 * each action; the dossiers come with the next pull.
 */
export async function applyEventPush(ctx: PushContext, rows: PushRow[]): Promise<WireDocument[]> {
  const { store, user } = ctx;
  const now = ctx.now ?? new Date();
  const scope = await readScope(store, user, 'dossiers');
  const events: DossierEvent[] = [];
  const sentBack: WireDocument[] = [];
  for (const [index, row] of rows.entries()) {
    // A device may send back, unchanged, an event it pulled (a tab closed between RxDB's write of
    // a pulled page and its record of it): that is no write at all, whoever wrote the event.
    const pulled = await storedAsSent(ctx, scope, row);
    if (pulled) sentBack.push(pulled);
    else events.push(await checkEvent(user, ctx.deviceId ?? null, row, index));
  }
  if (events.length === 0) return sentBack;
  const below = new Set<string>();
  for (const agencyId of new Set(events.map((e) => e.agencyId))) if (await decidedBelow(store, agencyId)) below.add(agencyId);
  const { answers, applied, written } = await store.documents.write(async (tx) => {
    const stored = await tx.lock('events', events.map((e) => e.id));
    const dossiers = await tx.lock('dossiers', [...new Set(events.map((e) => e.dossierId))]);
    const answers: WireDocument[] = [];
    const applied: Data[] = [];
    let written = 0;
    for (const event of events) {
      const known = stored.get(event.id);
      if (known) {
        // A retried push: the event is kept already; the device learns its outcome.
        const { outcome: _outcome, ...mine } = known.data;
        if (!sameDocument({ data: mine, deleted: false }, { data: event as unknown as Data, deleted: false })) {
          throw forbidden('event_immutable', `Sự kiện "${event.id}" đã có, không được sửa`);
        }
        answers.push(toWire(known));
        continue;
      }
      const master = dossiers.get(event.dossierId) ?? null;
      // The dossier's own agency decides; the event's names it for a new dossier.
      const agencyId = master && !master.deleted ? String(master.data.agencyId) : event.agencyId;
      const derived = await derive({ ...applierOf(ctx, scope), provisional: below.has(agencyId) || below.has(event.agencyId) }, tx, event, master, now);
      if (derived.dossier) {
        const data = derived.dossier;
        const seq = await tx.put('dossiers', { id: event.dossierId, data, deleted: false, ...scopeColumns('dossiers', data) });
        dossiers.set(event.dossierId, { collection: 'dossiers', id: event.dossierId, data, deleted: false, seq });
      }
      const eventData = derived.event as unknown as Data;
      const seq = await tx.put('events', { id: event.id, data: eventData, deleted: false, ...scopeColumns('events', eventData) });
      const kept: StoredDocument = { collection: 'events', id: event.id, data: eventData, deleted: false, seq };
      stored.set(event.id, kept);
      answers.push(toWire(kept));
      if (derived.notice) applied.push(derived.notice);
      written++;
    }
    return { answers: [...sentBack, ...answers], applied, written };
  });
  // Only what the server applied reaches the citizen: the type and statuses are the server's.
  await enqueueNotifications(store, 'events', applied);
  if (written > 0) {
    ctx.bus.publish('events');
    ctx.bus.publish('dossiers');
  }
  return answers;
}

/** What taking in the parent's events wrote: the versions kept as the parent holds them, and how many were written in all. */
export interface TakenIn {
  /** "collection/id" → seq of what was written as the parent holds it (not to be sent back up). */
  echoes: Map<string, number>;
  written: number;
  /** The events this tier applied, for the citizens to be told (after the transaction). */
  notices: Data[];
}

/**
 * Takes in a page of the events the parent tier holds on this tier's dossiers, in the parent's
 * order, inside `tx`. This tier decides its dossiers: an event its dossier has not taken in yet (by
 * its device's head) is applied here, for its actor, as a device's push would be, and the dossier
 * and the event with this tier's outcome go up again with the next pass; an event the dossier holds
 * already is kept as the parent holds it; an event this tier has is left as it is.
 */
export async function takeInParentEvents(tx: DocumentTx, agencyIds: string[], events: readonly DossierEvent[], now: Date): Promise<TakenIn> {
  const local = await tx.lock('events', events.map((e) => e.id));
  const dossiers = await tx.lock('dossiers', [...new Set(events.map((e) => e.dossierId))]);
  const scope: ScopeFilter = { kind: 'agencies', agencyIds, hideDrafts: true };
  const echoes = new Map<string, number>();
  const notices: Data[] = [];
  let written = 0;
  const put = async (collection: 'events' | 'dossiers', data: Data) => {
    written++;
    return tx.put(collection, { id: String(data.id), data, deleted: false, ...scopeColumns(collection, data) });
  };
  for (const event of events) {
    if (local.has(event.id)) continue;
    const master = dossiers.get(event.dossierId) ?? null;
    const live = master && !master.deleted ? (master.data as unknown as Dossier) : null;
    // Taken in already, from before actions, or about a dossier this tier does not hold as the parent does: kept as it is there.
    const foreign = live ? event.agencyId !== live.agencyId || event.ownerCccd !== live.ownerCccd : event.action?.type !== 'create';
    if (event.action === undefined || foreign || (live && headOf(live, event.deviceId) >= event.deviceSeq)) {
      echoes.set(`events/${event.id}`, await put('events', event as unknown as Data));
      continue;
    }
    const { outcome: _parents, ...sent } = event;
    const who: Applier = {
      actor: event.actor, ownerCccd: event.actor.role === 'citizen' ? event.ownerCccd : undefined, deviceId: event.deviceId, scope, relayed: true,
    };
    const derived = await derive(who, tx, sent as DossierEvent, master, now);
    if (derived.dossier) {
      const seq = await put('dossiers', derived.dossier);
      dossiers.set(event.dossierId, { collection: 'dossiers', id: event.dossierId, data: derived.dossier, deleted: false, seq });
    }
    await put('events', derived.event as unknown as Data);
    if (derived.notice) notices.push(derived.notice);
  }
  return { echoes, written, notices };
}
