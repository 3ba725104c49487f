/**
 * Finding dossiers on the device by code, CCCD or the applicant's name (diacritics ignored),
 * and the order lists show them in.
 */
import { matchesQuery, type Dossier } from '@motcua/model';

/** True when `query` is empty or found in the code, the CCCD or the applicant's name. */
export function dossierMatches(dossier: Dossier, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  const digits = q.replace(/\s+/g, '');
  if (/^\d{3,12}$/.test(digits) && (dossier.applicant.cccd.includes(digits) || dossier.ownerCccd.includes(digits))) return true;
  return matchesQuery(`${dossier.code ?? ''} ${dossier.applicant.fullName} ${dossier.applicant.cccd} ${dossier.summary}`, q);
}

/** Oldest submission first: the order the desk works through its queue. */
export function bySubmittedAt(a: Dossier, b: Dossier): number {
  return (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt);
}

/** Latest change first: the order a citizen reads their own list. */
export function byLatest(a: Dossier, b: Dossier): number {
  return b.updatedAt - a.updatedAt;
}

export function searchDossiers(dossiers: readonly Dossier[], query: string, order = bySubmittedAt): Dossier[] {
  return dossiers.filter((d) => dossierMatches(d, query)).sort(order);
}
