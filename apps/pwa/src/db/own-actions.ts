/**
 * This device's actions a pulled projection of the server's may not hold yet, by dossier: what it
 * must be shown with, so that an officer's work never seems to vanish when the server's copy
 * arrives before the answer to the push, or was on its way while the server applied the action.
 *
 * @remarks Kept in memory from the `events` collection (one indexed query at start for the
 * unanswered ones, then its change stream); an action leaves once a pulled dossier holds it (its
 * head) or the server refused it. A fresh device has none, so a first sync writes what it pulls as
 * it comes.
 * @module
 */
import type { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { pendingActions, withPending, type ContentEngine, type Dossier, type DossierEvent } from '@motcua/model';

export interface OwnActions {
  /** The server's `dossier` with this device's pending actions applied on top (itself when none). */
  project(dossier: Dossier): Promise<Dossier>;
  stop(): void;
}

export function trackOwnActions(events: RxCollection<DossierEvent>, deviceId: string, engine: () => Promise<ContentEngine>): OwnActions {
  const byDossier = new Map<string, Map<string, DossierEvent>>();
  const keep = (dossierId: string, mine: Map<string, DossierEvent>) => {
    if (mine.size > 0) byDossier.set(dossierId, mine);
    else byDossier.delete(dossierId);
  };
  const take = (event: DossierEvent) => {
    if (event.deviceId !== deviceId) return;
    const mine = byDossier.get(event.dossierId) ?? new Map<string, DossierEvent>();
    if (event.action !== undefined && event.outcome?.status !== 'refused') mine.set(event.id, event);
    else mine.delete(event.id);
    keep(event.dossierId, mine);
  };
  let sub: Subscription | null = null;
  const ready = events
    .find({ selector: { deviceId } })
    .exec()
    .then((docs) => {
      for (const doc of docs) if (doc.outcome === undefined) take(doc.toJSON() as DossierEvent);
      sub = events.$.subscribe((change) => take(change.documentData as DossierEvent));
    });

  return {
    async project(dossier) {
      await ready;
      const mine = byDossier.get(dossier.id);
      if (!mine) return dossier;
      const pending = pendingActions(dossier, [...mine.values()], deviceId);
      for (const event of mine.values()) if (!pending.includes(event)) mine.delete(event.id);
      keep(dossier.id, mine);
      return pending.length === 0 ? dossier : withPending(await engine(), dossier, pending);
    },
    stop() {
      sub?.unsubscribe();
    },
  };
}
