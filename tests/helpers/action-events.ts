/**
 * History events as a device makes them, for tools that talk to a server without a device
 * database (benchmarks): each action applied with the model's `applyAction` on the dossier as the
 * caller holds it, then chained to this device's previous event.
 */
import * as Automerge from '@automerge/automerge';
import { sha256Hex } from '@motcua/crypto';
import {
  applyAction, chainEvent, contentChange, contentOf, seedContent, withContent, type ChainHead, type Dossier, type DossierContent,
  type DossierEvent, type Procedure, type SessionUser, type WireAction,
} from '@motcua/model';

export interface ActionDevice {
  readonly deviceId: string;
  /** The event of `action` on `dossier` (null: a new one, with `procedure`) and the dossier it makes. */
  event(dossier: Dossier | null, action: WireAction, options?: { dossierId?: string; procedure?: Procedure }): Promise<{ event: DossierEvent; dossier: Dossier }>;
  /** A `create` of a draft made here, with its content's seed. */
  create(draft: Dossier, procedure: Procedure): Promise<{ event: DossierEvent; dossier: Dossier }>;
  /** An `editContent` that changes `dossier`'s content as `edit` says, with a fresh Automerge actor. */
  edit(dossier: Dossier, edit: (content: DossierContent) => DossierContent): Promise<{ event: DossierEvent; dossier: Dossier }>;
}

let actors = 0;
const freshActor = () => `${Date.now().toString(16)}${(++actors).toString(16)}`.padStart(32, '0').slice(-32);

export function actionDevice(user: SessionUser, deviceId = `tool-${Math.random().toString(36).slice(2, 10)}`): ActionDevice {
  let head: ChainHead = null;
  const device: ActionDevice = {
    deviceId,
    async event(dossier, action, options = {}) {
      const result = applyAction(Automerge, dossier, action, {
        actor: { userId: user.id, name: user.fullName, role: user.role }, now: new Date(), eventId: crypto.randomUUID(), deviceId,
        dossierId: options.dossierId ?? dossier!.id, procedure: options.procedure ?? null, ownerCccd: user.cccd ?? undefined,
      });
      const event = await chainEvent({ ...result.event, action: action as DossierEvent['action'] }, head, sha256Hex);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
      return { event, dossier: result.dossier };
    },
    create: (draft, procedure) =>
      device.event(null, { type: 'create', agencyId: draft.agencyId, procedureId: procedure.id, changes: [seedContent(Automerge, contentOf(draft))] }, {
        dossierId: draft.id, procedure,
      }),
    edit(dossier, edit) {
      const base = withContent(Automerge, dossier);
      const change = contentChange(Automerge, base.content, edit(contentOf(base)), freshActor());
      return device.event(base, { type: 'editContent', ...(change ? { changes: [change] } : {}) });
    },
  };
  return device;
}

/** The push body of some events. */
export const eventRows = (events: DossierEvent[]) => events.map((e) => ({ assumedMasterState: null, newDocumentState: { ...e, _deleted: false } }));
