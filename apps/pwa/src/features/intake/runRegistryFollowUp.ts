/**
 * Makes the registry checks queued at the desk while it was offline, in the background once the
 * link is back: for each dossier this officer received on the card alone, ask the registry, record
 * the answer in the dossier's history and, on a match, on the dossier. A few per pass, so a desk
 * back from a week offline does not hit the registry's rate limit.
 */
import { exhaustMap, filter, firstValueFrom, from, interval, merge, switchMap, type Subscription } from 'rxjs';
import { DossierEventType, type Dossier, type DossierEvent, type SessionUser } from '@motcua/model';
import { sha256Hex } from '@motcua/crypto';
import type { MotcuaDatabase, SyncHandle } from '../../db/index.ts';
import type { DeviceChain } from '../../lib/deviceChain.ts';
import { newId } from '../../lib/ids.ts';
import { loadContentEngine, newActorId } from '../../db/content-engine.ts';
import { makeDossierWriter } from '../dossier/makeDossierWriter.ts';
import { makeRxDossierStore } from '../dossier/makeRxDossierStore.ts';
import type { PopulationQuery, PopulationReply } from './populationClient.ts';
import { awaitingRegistryCheck, FOLLOW_UP_DAYS, registryAction } from './registryFollowUp.ts';

export interface RegistryFollowUpDeps {
  db: MotcuaDatabase;
  user: SessionUser;
  ask: (query: PopulationQuery) => Promise<PopulationReply>;
  chain: DeviceChain;
  now?: () => Date;
  /** Checks per pass (default 10). */
  limit?: number;
  /**
   * Dossiers whose last check failed, with when: later passes ask for them after the others, so
   * a few that keep failing never hold the rest back. Kept across passes by the caller.
   */
  failures?: Map<string, number>;
}

/** One pass; returns how many dossiers got an answer, and whether the registry was unreachable (or asked to wait). */
export async function runRegistryFollowUp(deps: RegistryFollowUpDeps): Promise<{ answered: number; offline: boolean }> {
  const { db, user } = deps;
  const now = deps.now ?? (() => new Date());
  if (!user.agencyId) return { answered: 0, offline: false };
  const since = new Date(now().getTime() - FOLLOW_UP_DAYS * 86_400_000).toISOString();
  // `identityCheck` is encrypted at rest, so it is filtered here, not in the query.
  const received = (await db.dossiers.find({ selector: { agencyId: user.agencyId, receivedAt: { $gte: since } } }).exec())
    .map((d) => d.toMutableJSON() as Dossier);
  const ids = received.map((d) => d.id);
  // A registry answer is an identity check with a result (the desk's own check at intake has none).
  const checks = (await db.events.find({ selector: { type: DossierEventType.IdentityChecked, dossierId: { $in: ids } } }).exec())
    .map((e) => e.toJSON() as DossierEvent);
  const checked = new Set(checks.filter((e) => (e.data as { result?: unknown }).result != null).map((e) => e.dossierId));
  const writer = makeDossierWriter({
    store: makeRxDossierStore(db), chain: deps.chain, actor: { userId: user.id, name: user.fullName, role: user.role },
    engine: loadContentEngine, sha256Hex: (text) => sha256Hex(text), newId, newActor: newActorId, now,
  });
  const failures = deps.failures ?? new Map<string, number>();
  // Stable: never-failed dossiers keep the order of reception, before those that failed.
  const awaiting = awaitingRegistryCheck(received, checked, user.fullName)
    .sort((a, b) => (failures.get(a.id) ?? 0) - (failures.get(b.id) ?? 0));
  let answered = 0;
  for (const dossier of awaiting.slice(0, deps.limit ?? 10)) {
    const { cccd, fullName, birthDate } = dossier.applicant;
    const answer = await deps.ask({ cccd, fullName, birthDate });
    // Unreachable, or asking to slow down: the rest of the pass would be refused the same way.
    if (answer.status === 'offline' || (answer.status === 'error' && answer.retryLater)) return { answered, offline: true };
    if (answer.status === 'error') {
      failures.set(dossier.id, now().getTime());
      continue;
    }
    failures.delete(dossier.id);
    await writer.apply(dossier.id, registryAction(answer));
    answered++;
  }
  return { answered, offline: false };
}

/**
 * Runs a pass whenever the link comes back and every five minutes, one pass at a time, until
 * unsubscribed (the shell does it for officers). Only the tab that replicates runs it, and only
 * after the first sync, so a check another tab or device already recorded is never made twice.
 */
export function startRegistryFollowUp(deps: RegistryFollowUpDeps, sync: Pick<SyncHandle, 'online$' | 'progress$'>): Subscription {
  const leader = deps.db.multiInstance ? deps.db.waitForLeadership() : Promise.resolve(true);
  const synced = firstValueFrom(sync.progress$.pipe(filter((p) => p.initialDone)));
  const passes = { ...deps, failures: new Map<string, number>() };
  return from(Promise.all([leader, synced]))
    .pipe(
      switchMap(() => merge(sync.online$.pipe(filter(Boolean)), interval(5 * 60_000))),
      // A failed pass is logged and tried again at the next trigger; it must not end the follow-up.
      exhaustMap(() => from(runRegistryFollowUp(passes).catch((error: unknown) => console.warn('registry follow-up failed', error)))),
    )
    .subscribe();
}
