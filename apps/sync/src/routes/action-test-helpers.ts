/**
 * Helpers for tests that change dossiers as a device does: an action in a chained history event,
 * pushed to `events` with the device's id; the dossier is the server's to derive.
 */
import { sha256Hex } from '@motcua/crypto';
import {
  applyAction, chainEvent, contentChange, contentOf, seedContent, withContent, type ChainHead, type Dossier, type DossierContent,
  type DossierEvent, type Procedure, type SessionUser, type UnchainedEvent, type WireAction,
} from '@motcua/model';
import { engine } from '../sync/dossier-content.ts';
import type { TestApp } from '../test-app.ts';
import type { Doc } from './sync-test-helpers.ts';

let actors = 0;
/** A fresh Automerge actor, as a device draws one per action. */
export const freshActor = () => `${Date.now().toString(16)}${(++actors).toString(16)}`.padStart(32, '0').slice(-32);

/** The change (one base64 chunk) a device records for an edit of `dossier`'s content. */
export function contentEdit(dossier: Doc, edit: (content: DossierContent) => DossierContent): string[] {
  const base = withContent(engine, dossier as unknown as Dossier);
  const change = contentChange(engine, base.content, edit(contentOf(base)), freshActor());
  return change ? [change] : [];
}

/** The seed of a new dossier's content, as a device makes it. */
export const contentSeed = (draft: Dossier): string[] => [seedContent(engine, draft)];

export interface ActAnswer {
  status: number;
  body: unknown;
  event: DossierEvent;
  /** The stored event as the server answered it (with its outcome), when the push was taken. */
  stored: (DossierEvent & { _deleted: boolean }) | null;
}

export interface TestDevice {
  readonly deviceId: string;
  /**
   * Pushes `action` on `dossier` (null for `create`) as `user`'s device: the event's fields as the
   * device's own reducer makes them (or `event` overrides, to send what an attacker would).
   */
  act(
    token: string,
    user: SessionUser,
    dossier: Doc | null,
    action: WireAction,
    options?: { dossierId?: string; procedure?: Procedure; event?: Partial<DossierEvent>; at?: Date },
  ): Promise<ActAnswer>;
}

/** The signed-in user behind a token. */
export async function whoAmI(t: TestApp, token: string): Promise<SessionUser> {
  const response = await t.call('GET', '/api/auth/me', { token });
  return ((await response.json()) as { user: SessionUser }).user;
}

export function testDevice(t: TestApp, deviceId = `dev-${Math.random().toString(36).slice(2, 10)}`): TestDevice {
  let head: ChainHead = null;
  return {
    deviceId,
    async act(token, user, dossier, action, options = {}) {
      const now = options.at ?? new Date();
      const dossierId = options.dossierId ?? (dossier?.id as string);
      const ctx = {
        actor: { userId: user.id, name: user.fullName, role: user.role }, now, eventId: crypto.randomUUID(), deviceId, dossierId,
        procedure: options.procedure ?? null, ownerCccd: user.cccd ?? undefined,
      };
      let unchained: UnchainedEvent;
      try {
        unchained = applyAction(engine, dossier as unknown as Dossier | null, action, ctx).event;
      } catch {
        // The device would not make it; the server must still answer for it.
        unchained = {
          id: ctx.eventId, dossierId, agencyId: String(dossier?.agencyId ?? ''), ownerCccd: String(dossier?.ownerCccd ?? user.cccd ?? ''),
          type: 'v1.Unknown', fromStatus: Number(dossier?.status ?? 0), toStatus: Number(dossier?.status ?? 0), actor: ctx.actor,
          deviceId, at: now.toISOString(), comment: '', data: {},
        };
      }
      const event = await chainEvent({ ...unchained, ...options.event, action: action as DossierEvent['action'] }, head, sha256Hex);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
      const response = await t.call('POST', '/api/sync/events/push', {
        token, headers: { 'X-Device-Id': deviceId }, body: [{ assumedMasterState: null, newDocumentState: { ...event, _deleted: false } }],
      });
      const body: unknown = await response.json();
      const stored = response.status === 200 ? ((body as Array<DossierEvent & { _deleted: boolean }>)[0] ?? null) : null;
      return { status: response.status, body, event, stored };
    },
  };
}
