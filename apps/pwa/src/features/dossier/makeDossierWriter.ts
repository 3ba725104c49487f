/**
 * The one way a screen changes a dossier on this device: an action. The writer records it as a
 * chained history event carrying the action and, when the action edits the content, the Automerge
 * change it makes (with a fresh actor, so no change is ever numbered twice); it shows the result at
 * once by applying the same action with the model's `applyAction`, as the server will. Only the
 * event travels: the server applies it and its projection replaces this one on the next pull.
 *
 * @remarks A citizen's draft stays on the device (`saveDraft`) until it is submitted, when it goes
 * up as a `create` (its content's seed) followed by the `submit`.
 */
import {
  applyAction, applyDossierAction, chainEvent, contentChange, contentOf, seedContent, withContent, type Actor, type ContentEngine,
  type Dossier, type DossierAction, type DossierEvent, type Procedure, type WireAction,
} from '@motcua/model';
import type { DeviceChain } from '../../lib/deviceChain.ts';

/** The few reads and writes a dossier action needs; an RxDB adapter in the app, a Map in tests. */
export interface DossierStore {
  getDossier(id: string): Promise<Dossier | null>;
  /** Writes the device's own view of a dossier (never sent: the server derives its own). */
  putDossier(dossier: Dossier): Promise<void>;
  addEvent(event: DossierEvent): Promise<void>;
}

export interface DossierWriterOptions {
  store: DossierStore;
  chain: DeviceChain;
  actor: Actor;
  /** The signed-in citizen's CCCD (whose dossiers they create). */
  ownerCccd?: string | null;
  engine: () => Promise<ContentEngine>;
  sha256Hex: (text: string) => Promise<string>;
  newId: () => string;
  /** A fresh Automerge actor (32 hex digits) for each content change. */
  newActor: () => string;
  now?: () => Date;
}

/** The dossier does not exist on this device (not synced yet, or a wrong link). */
export class DossierNotFoundError extends Error {
  override readonly name = 'DossierNotFoundError';
  readonly code = 'dossier_not_found';
  constructor(readonly dossierId: string) {
    super(`Không tìm thấy hồ sơ ${dossierId} trên máy này.`);
  }
}

/** An edit of a dossier's declared content, as a screen makes it on the plain fields. */
export type ContentEdit = (dossier: Dossier) => Dossier;

export interface Written {
  dossier: Dossier;
  event: DossierEvent;
}

export interface DossierWriter {
  /** Takes `action` on the dossier as it is here; `edit` changes its content in the same action. */
  apply(dossierId: string, action: DossierAction, edit?: ContentEdit): Promise<Written>;
  /** An edit of the declared content alone ("Cập nhật thông tin hồ sơ"). */
  edit(dossierId: string, edit: ContentEdit): Promise<Written>;
  /** Sends a new dossier to the server: a draft made on this device, with its procedure. */
  create(draft: Dossier, procedure: Procedure): Promise<Written>;
  /** Keeps a citizen's draft on this device only, until it is submitted. */
  saveDraft(draft: Dossier): Promise<void>;
  /** Takes again an action the server refused (its content change as it was), on the dossier as it is now. */
  reapply(dossierId: string, action: WireAction): Promise<Written>;
}

export function makeDossierWriter(options: DossierWriterOptions): DossierWriter {
  const now = options.now ?? (() => new Date());
  const { store } = options;

  /** Chains and stores the event of `action`, then the device's view of the dossier. */
  async function write(dossierId: string, current: Dossier | null, action: WireAction, procedure: Procedure | null): Promise<Written> {
    const am = await options.engine();
    const ctx = {
      actor: options.actor, now: now(), eventId: options.newId(), deviceId: options.chain.deviceId, dossierId, procedure,
      ownerCccd: options.ownerCccd ?? undefined,
    };
    const result = applyAction(am, current, action, ctx);
    const event = await options.chain.append(
      (prev) => chainEvent({ ...result.event, action: action as DossierEvent['action'] }, prev, options.sha256Hex),
      (chained) => store.addEvent(chained),
    );
    await store.putDossier(result.dossier);
    return { dossier: result.dossier, event };
  }

  async function apply(dossierId: string, action: DossierAction, edit?: ContentEdit): Promise<Written> {
    const found = await store.getDossier(dossierId);
    if (!found) throw new DossierNotFoundError(dossierId);
    const am = await options.engine();
    const current = withContent(am, found);
    // What the action and the screen mean the content to become, recorded as one Automerge change.
    const intent = applyDossierAction(current, action, {
      actor: options.actor, now: now(), eventId: 'intent', deviceId: options.chain.deviceId,
    }).dossier;
    const wanted = edit ? edit(intent) : intent;
    const change = contentChange(am, current.content, contentOf(wanted), options.newActor());
    return write(dossierId, current, change ? { ...action, changes: [change] } : action, null);
  }

  return {
    apply,
    edit: (dossierId, edit) => apply(dossierId, { type: 'editContent' }, edit),
    async create(draft, procedure) {
      const am = await options.engine();
      const action: WireAction = {
        type: 'create', agencyId: draft.agencyId, procedureId: procedure.id, channel: draft.channel as 1 | 2 | 3,
        changes: [seedContent(am, contentOf(draft))],
      };
      return write(draft.id, null, action, procedure);
    },
    saveDraft: (draft) => store.putDossier({ ...draft, updatedAt: now().getTime(), updatedBy: options.actor.userId }),
    async reapply(dossierId, action) {
      const found = await store.getDossier(dossierId);
      if (!found) throw new DossierNotFoundError(dossierId);
      return write(dossierId, withContent(await options.engine(), found), action, null);
    },
  };
}
