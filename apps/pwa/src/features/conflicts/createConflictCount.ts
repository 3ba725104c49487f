/** How many of the officer's agency's dossiers have a conflict to review, as a signal (0 for citizens). */
import type { Accessor } from 'solid-js';
import { isOfficer } from '@motcua/model';
import { createQuery } from '../../lib/createQuery.ts';
import type { DatabaseContextValue } from '../../lib/useDatabase.ts';
import { conflictSelector } from './conflictQuery.ts';

export function createConflictCount(ctx: Pick<DatabaseContextValue, 'db' | 'user'>): Accessor<number> {
  const { db, user } = ctx;
  const dossiers = createQuery(
    () => (isOfficer(user) ? db.dossiers.find({ selector: conflictSelector(user) }).$ : null),
    (docs) => docs.length,
  );
  return () => dossiers() ?? 0;
}
