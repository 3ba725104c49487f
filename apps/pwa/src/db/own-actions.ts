/**
 * This device's actions the server has not answered yet, by dossier: what a pulled projection of
 * the server's must be shown with, so that an officer's work done offline never seems to vanish
 * when the server's copy arrives before the answer to the push.
 *
 * @remarks Kept in memory from the `events` collection (one indexed query at start, then its
 * change stream): an own event without the server's `outcome` is pending. A fresh device has none,
 * so a first sync writes what it pulls as it comes.
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
  const take = (event: DossierEvent) => {
    if (event.deviceId !== deviceId) return;
    const mine = byDossier.get(event.dossierId) ?? new Map<string, DossierEvent>();
    if (event.outcome === undefined && event.action !== undefined) mine.set(event.id, event);
    else mine.delete(event.id);
    if (mine.size > 0) byDossier.set(event.dossierId, mine);
    else byDossier.delete(event.dossierId);
  };
  let sub: Subscription | null = null;
  const ready = events
    .find({ selector: { deviceId } })
    .exec()
    .then((docs) => {
      for (const doc of docs) take(doc.toJSON() as DossierEvent);
      sub = events.$.subscribe((change) => take(change.documentData as DossierEvent));
    });

  return {
    async project(dossier) {
      await ready;
      const mine = byDossier.get(dossier.id);
      if (!mine) return dossier;
      const pending = pendingActions(dossier, [...mine.values()], deviceId);
      return pending.length === 0 ? dossier : withPending(await engine(), dossier, pending);
    },
    stop() {
      sub?.unsubscribe();
    },
  };
}
