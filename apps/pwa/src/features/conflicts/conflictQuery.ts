/**
 * The RxDB selector of an agency's dossiers with at least one conflict: the query engine filters
 * them, so the shell's count and the list never copy every dossier of a large commune.
 */
import { isOfficer, type Dossier, type SessionUser } from '@motcua/model';
import type { MangoQuerySelector } from 'rxdb';

/** Dossiers in the officer's scope whose `conflicts` list is not empty. */
export function conflictSelector(user: Pick<SessionUser, 'role' | 'agencyId'>): MangoQuerySelector<Dossier> {
  const agency = isOfficer(user as SessionUser) && user.agencyId && user.role !== 'admin' ? { agencyId: user.agencyId } : {};
  // `conflicts.0` exists: the list has a first entry (Mango has no “not empty” operator).
  return { ...agency, 'conflicts.0': { $exists: true } } as MangoQuerySelector<Dossier>;
}

/** Dossiers with at least one refused action to settle, most recently changed first. */
export function withConflicts(dossiers: Dossier[]): Dossier[] {
  return dossiers.filter((d) => d.conflicts.length > 0).sort((a, b) => b.updatedAt - a.updatedAt);
}
