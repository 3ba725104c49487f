/**
 * @module dossier/overdue — "quá hạn" is derived, never stored (domain.md §4): a dossier is overdue
 * when it is still being handled after its due date, or was finished after it.
 */
import type { Dossier } from '../schemas/dossier.schema.ts';
import { DossierStatus as S, isFinished, type DossierStatusCode } from './status.ts';

type Timing = Pick<Dossier, 'status' | 'dueAt' | 'finishedAt'>;

const time = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/**
 * True when the dossier missed its ngày hẹn trả.
 *
 * @remarks Finished dossiers (resolved, returned, stopped, rejected) compare `finishedAt` with
 * `dueAt`. Open ones compare `now`, except while waiting for the citizen's supplement (status 5),
 * whose time does not count against the agency. Dossiers not yet received have no due date.
 */
export function isOverdue(dossier: Timing, now: Date): boolean {
  const due = time(dossier.dueAt);
  if (due === null) return false;
  const finished = time(dossier.finishedAt);
  if (finished !== null) return finished > due;
  if (isFinished(dossier.status as DossierStatusCode)) return false;
  if (dossier.status === S.SupplementRequested || dossier.status === S.Draft || dossier.status === S.Submitted) return false;
  return now.getTime() > due;
}

/** Milliseconds past the due date (0 when not overdue). */
export function overdueBy(dossier: Timing, now: Date): number {
  if (!isOverdue(dossier, now)) return 0;
  const due = time(dossier.dueAt)!;
  return (time(dossier.finishedAt) ?? now.getTime()) - due;
}
