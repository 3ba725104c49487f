/**
 * Helpers for tests that change dossiers as a device does: an action in a chained history event,
 * pushed to `events` with the device's id; the dossier is the server's to derive.
 */
import { sha256Hex } from '@motcua/crypto';
import {
  applyAction, chainEvent, contentChange, contentOf, createDossierDraft, seedContent, withContent, type ChainHead, type Dossier,
  type DossierContent, type DossierEvent, type Procedure, type SessionUser, type UnchainedEvent, type WireAction,
} from '@motcua/model';
import { engine } from '../sync/dossier-content.ts';
import type { TestApp } from '../test-app.ts';
import { pullAll, pullOne, type Doc } from './sync-test-helpers.ts';

/** What the helpers need of a server: requests (an in-process app, or a real one over HTTP). */
export type Caller = Pick<TestApp, 'call'>;

/** A signed-in demo user: the token and who it is, to spread into `act`. */
export type SignedIn = readonly [token: string, user: SessionUser];

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

/** An appointment date `days` from now, for `receive`. */
export const dueIn = (days = 3): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** The push row that sends `event` (RxDB's shape). */
export const eventRow = (event: DossierEvent | Record<string, unknown>) => ({ assumedMasterState: null, newDocumentState: { ...event, _deleted: false } });

export interface ActAnswer {
  status: number;
  body: unknown;
  event: DossierEvent;
  /** The stored event as the server answered it (with its outcome), when the push was taken. */
  stored: (DossierEvent & { _deleted: boolean }) | null;
}

/** The error code of a push refused whole (undefined when it was taken). */
export const errorCodeOf = (answer: ActAnswer): string | undefined => (answer.body as { error?: { code?: string } }).error?.code;

export interface ActOptions {
  dossierId?: string;
  procedure?: Procedure;
  event?: Partial<DossierEvent>;
  at?: Date;
}

export interface Recorded {
  event: DossierEvent;
  /** The dossier as the device shows it after the action (null when its own reducer refused it). */
  dossier: Doc | null;
}

export interface TestDevice {
  readonly deviceId: string;
  /**
   * Records `action` on `dossier` (null for `create`) as `user`'s device's next event, without
   * pushing it: the event's fields as the device's own reducer makes them (or `event` overrides, to
   * send what an attacker would).
   */
  record(user: SessionUser, dossier: Doc | null, action: WireAction, options?: ActOptions): Promise<Recorded>;
  /** Pushes `events` in one batch, with this device's id. */
  pushEvents(token: string, events: readonly (DossierEvent | Record<string, unknown>)[]): Promise<Response>;
  /** Records `action` and pushes it alone. */
  act(token: string, user: SessionUser, dossier: Doc | null, action: WireAction, options?: ActOptions): Promise<ActAnswer>;
}

/** The signed-in user behind a token. */
export async function whoAmI(t: Caller, token: string): Promise<SessionUser> {
  const response = await t.call('GET', '/api/auth/me', { token });
  return ((await response.json()) as { user: SessionUser }).user;
}

export async function signIn(t: TestApp, username: string): Promise<SignedIn> {
  const token = await t.token(username);
  return [token, await whoAmI(t, token)];
}

export function testDevice(t: Caller, deviceId = `dev-${Math.random().toString(36).slice(2, 10)}`): TestDevice {
  let head: ChainHead = null;
  const device: TestDevice = {
    deviceId,
    async record(user, dossier, action, options = {}) {
      const now = options.at ?? new Date();
      const dossierId = options.dossierId ?? (dossier?.id as string);
      const ctx = {
        actor: { userId: user.id, name: user.fullName, role: user.role }, now, eventId: crypto.randomUUID(), deviceId, dossierId,
        procedure: options.procedure ?? null, ownerCccd: user.cccd ?? undefined,
      };
      let unchained: UnchainedEvent;
      let shown: Doc | null = null;
      try {
        const applied = applyAction(engine, dossier as unknown as Dossier | null, action, ctx);
        unchained = applied.event;
        shown = applied.dossier as unknown as Doc;
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
      return { event, dossier: shown };
    },
    pushEvents(token, events) {
      return t.call('POST', '/api/sync/events/push', { token, headers: { 'X-Device-Id': deviceId }, body: events.map(eventRow) });
    },
    async act(token, user, dossier, action, options) {
      const { event } = await device.record(user, dossier, action, options);
      const response = await device.pushEvents(token, [event]);
      const body: unknown = await response.json();
      const stored = response.status === 200 ? ((body as Array<DossierEvent & { _deleted: boolean }>)[0] ?? null) : null;
      return { status: response.status, body, event, stored };
    },
  };
  return device;
}

export interface NewDossier {
  id?: string;
  agencyId?: string;
  /** The procedure's national code (default: birth registration). */
  nationalCode?: string;
  applicant?: Partial<Dossier['applicant']>;
  notify?: Dossier['notify'];
  device?: TestDevice;
}

/**
 * A citizen's new online dossier, created and submitted (status 1) from their device; returns it as
 * its owner pulls it.
 */
export async function submitNew(t: TestApp, [token, user]: SignedIn, options: NewDossier = {}): Promise<Doc> {
  const procedures = (await pullAll(t, token, 'procedures')) as unknown as Procedure[];
  const procedure = procedures.find((p) => p.nationalCode === (options.nationalCode ?? '1.001193'))!;
  const id = options.id ?? crypto.randomUUID();
  const draft = createDossierDraft({
    id, procedure, ownerCccd: user.cccd!, agencyId: options.agencyId ?? '001.29.00.H34', now: new Date(), userId: user.id,
    applicant: {
      cccd: user.cccd!, fullName: user.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Đắk La',
      ...options.applicant,
    },
  });
  if (options.notify) draft.notify = options.notify;
  const device = options.device ?? testDevice(t);
  const create = { type: 'create', agencyId: draft.agencyId, procedureId: procedure.id, changes: contentSeed(draft) } as const;
  const created = await device.act(token, user, null, create, { dossierId: id, procedure });
  if (created.stored?.outcome?.status !== 'applied') throw new Error(`create ${id}: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await device.act(token, user, await pullOne(t, token, 'dossiers', id), { type: 'submit' });
  if (submitted.stored?.outcome?.status !== 'applied') throw new Error(`submit ${id}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return pullOne(t, token, 'dossiers', id);
}
