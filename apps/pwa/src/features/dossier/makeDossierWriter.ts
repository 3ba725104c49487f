/**
 * Applies a dossier action on this device: the model's pure `applyDossierAction` gives the new
 * dossier and its event; the event is chained to the device's previous one and stored, then the
 * dossier is written. Works offline: replication sends both when the network comes back.
 */
import {
  applyDossierAction, chainEvent, type ActionContext, type Actor, type Dossier, type DossierEvent, type UnchainedEvent,
} from '@motcua/model';
import type { DeviceChain } from '../../lib/deviceChain.ts';

/** The few writes a dossier action needs; an RxDB adapter in the app, a Map in tests. */
export interface DossierStore {
  getDossier(id: string): Promise<Dossier | null>;
  putDossier(dossier: Dossier): Promise<void>;
  addEvent(event: DossierEvent): Promise<void>;
}

export type DossierAction = Parameters<typeof applyDossierAction>[1];

export interface DossierWriterOptions {
  store: DossierStore;
  chain: DeviceChain;
  actor: Actor;
  sha256Hex: (text: string) => Promise<string>;
  newId: () => string;
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

/** What one step makes of a dossier: its history event, and the dossier to store (null: unchanged). */
export type DossierStep = (current: Dossier, ctx: ActionContext) => { dossier: Dossier | null; event: UnchainedEvent };

export interface DossierWriter {
  apply(dossierId: string, action: DossierAction): Promise<{ dossier: Dossier; event: DossierEvent }>;
  /** Records `step` on the dossier as it is on this device; `apply` is the step of a workflow action. */
  record(dossierId: string, step: DossierStep): Promise<{ dossier: Dossier; event: DossierEvent }>;
}

export function makeDossierWriter(options: DossierWriterOptions): DossierWriter {
  const now = options.now ?? (() => new Date());
  const record: DossierWriter['record'] = async (dossierId, step) => {
    const current = await options.store.getDossier(dossierId);
    if (!current) throw new DossierNotFoundError(dossierId);
    const result = step(current, { actor: options.actor, now: now(), eventId: options.newId(), deviceId: options.chain.deviceId });
    const event = await options.chain.append(
      (prev) => chainEvent(result.event, prev, options.sha256Hex),
      (chained) => options.store.addEvent(chained),
    );
    if (result.dossier) await options.store.putDossier(result.dossier);
    return { dossier: result.dossier ?? current, event };
  };
  return {
    apply: (dossierId, action) => record(dossierId, (current, ctx) => applyDossierAction(current, action, ctx)),
    record,
  };
}
