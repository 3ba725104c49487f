/**
 * The attacker's device: it records an action as a chained history event, as the PWA's writer does,
 * then lets the attack overwrite any field before it is hashed (another actor, a forged `type`, an
 * `outcome`) and pushes it to `events`. Its own copy, not the route tests' helper, so that the
 * suite's attacks do not move when those tests change.
 */
import { sha256Hex } from '@motcua/crypto';
import {
  applyAction, chainEvent, contentChange, contentOf, eventHashInput, joinChanges, withContent, type ChainHead, type Dossier,
  type DossierContent, type DossierEvent, type Procedure, type Role, type SessionUser, type UnchainedEvent, type WireAction,
} from '@motcua/model';
import { engine } from '../../apps/sync/src/sync/dossier-content.ts';
import type { TestApp } from '../../apps/sync/src/test-app.ts';
import type { Doc } from './context.ts';

let actors = 0;
/** A fresh Automerge actor, as a device draws one per action. */
const freshActor = () => `${Date.now().toString(16)}${(++actors).toString(16)}`.padStart(32, '0').slice(-32);

/** The Automerge change a device records for an edit of `dossier`'s declared content. */
export function contentEdit(dossier: Doc, edit: (content: DossierContent) => DossierContent): string[] {
  const base = withContent(engine, dossier as unknown as Dossier);
  const change = contentChange(engine, base.content, edit(contentOf(base)), freshActor());
  return change ? [change] : [];
}

/** A hand-made Automerge change of `dossier`'s content document: `write` may set any key at all. */
export function rawChange(dossier: Doc, write: (doc: Record<string, unknown>) => void): string[] {
  const base = withContent(engine, dossier as unknown as Dossier);
  const doc = engine.load(new Uint8Array(Buffer.from(base.content, 'base64')), { actor: freshActor() });
  const change = engine.getLastLocalChange(engine.change(doc, {}, write));
  return change ? [joinChanges([change])] : [];
}

export interface Forgery {
  /** Fields written over the event before it is hashed (the hash stays valid). */
  event?: Record<string, unknown>;
  dossierId?: string;
  procedure?: Procedure | null;
  at?: Date;
}

export interface Pushed {
  response: Response;
  events: DossierEvent[];
  /** The stored events the server answered (with their outcome), on a 200. */
  answer: Array<Record<string, unknown>> | null;
}

export interface SecurityDevice {
  readonly deviceId: string;
  /** The event `user`'s device records for `action` on `dossier` (null for `create`). */
  record(user: SessionUser, dossier: Doc | null, action: WireAction | Record<string, unknown>, forgery?: Forgery): Promise<DossierEvent>;
  /** Pushes `events` as one batch with this device's id. */
  push(token: string, events: ReadonlyArray<DossierEvent | Record<string, unknown>>): Promise<Pushed>;
  /** Records and pushes one action. */
  act(token: string, user: SessionUser, dossier: Doc | null, action: WireAction | Record<string, unknown>, forgery?: Forgery): Promise<Pushed>;
}

const ROLES_TO_TRY: Role[] = ['citizen', 'receptionist', 'specialist', 'leader'];

/**
 * The event's envelope as an honest device would write it: made by the role that may take the
 * action when `user`'s may not (a tampered device writes a plausible event, not an empty one).
 */
function envelope(user: SessionUser, dossier: Doc | null, action: WireAction, ctx: Parameters<typeof applyAction>[3]): UnchainedEvent {
  for (const role of [user.role, ...ROLES_TO_TRY.filter((r) => r !== user.role)]) {
    try {
      const { event } = applyAction(engine, dossier as unknown as Dossier | null, action, { ...ctx, actor: { ...ctx.actor, role } });
      return { ...event, actor: ctx.actor };
    } catch {
      // the next role
    }
  }
  return {
    id: ctx.eventId, dossierId: ctx.dossierId, agencyId: String(dossier?.agencyId ?? user.agencyId ?? ''),
    ownerCccd: String(dossier?.ownerCccd ?? user.cccd ?? ''), type: 'v1.ContentEdited', fromStatus: Number(dossier?.status ?? 0),
    toStatus: Number(dossier?.status ?? 0), actor: ctx.actor, deviceId: ctx.deviceId, at: ctx.now.toISOString(), comment: '', data: {},
  };
}

/** `event` with its hash computed again over what it now holds. */
export async function rehash(event: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...event, hash: await sha256Hex(eventHashInput(event as unknown as DossierEvent)) };
}

export function securityDevice(t: TestApp, deviceId = `sec-${Math.random().toString(36).slice(2, 10)}`): SecurityDevice {
  let head: ChainHead = null;
  const device: SecurityDevice = {
    deviceId,
    async record(user, dossier, action, forgery = {}) {
      const now = forgery.at ?? new Date();
      const ctx = {
        actor: { userId: user.id, name: user.fullName, role: user.role }, now, eventId: crypto.randomUUID(), deviceId,
        dossierId: forgery.dossierId ?? String(dossier?.id), procedure: forgery.procedure ?? null, ownerCccd: user.cccd ?? undefined,
      };
      const unchained = envelope(user, dossier, action as WireAction, ctx);
      const event = await chainEvent({ ...unchained, ...forgery.event, action } as UnchainedEvent, head, sha256Hex);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
      return event;
    },
    async push(token, events) {
      const response = await t.call('POST', '/api/sync/events/push', {
        token, headers: { 'X-Device-Id': deviceId }, body: events.map((e) => ({ assumedMasterState: null, newDocumentState: { _deleted: false, ...e } })),
      });
      const answer = response.status === 200 ? ((await response.clone().json()) as Array<Record<string, unknown>>) : null;
      return { response, events: events as DossierEvent[], answer };
    },
    async act(token, user, dossier, action, forgery) {
      return device.push(token, [await device.record(user, dossier, action, forgery)]);
    },
  };
  return device;
}
