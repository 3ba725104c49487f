/** "Hồ sơ có xung đột": the agency's dossiers with an action the server refused, newest first. */
import { createMemo } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { DossierTableView } from '../reception/DossierTableView.tsx';
import { conflictSelector, withConflicts } from './conflictQuery.ts';

export default function ConflictsPage() {
  const { db, user } = useDatabase();
  const dossiers = createQuery(
    () => db.dossiers.find({ selector: conflictSelector(user) }).$,
    (docs) => toPlain<Dossier>(docs),
  );
  const rows = createMemo(() => withConflicts(dossiers() ?? []));
  return (
    <section aria-labelledby="conflicts-page-title">
      <h1 id="conflicts-page-title">Hồ sơ có xung đột</h1>
      <p class="muted" role="status">
        {dossiers() === undefined ? 'Đang tải…' : `${rows().length} hồ sơ cần xem xét`}
      </p>
      <DossierTableView
        caption="Hồ sơ có xung đột"
        dossiers={rows()}
        base="/xu-ly"
        empty="Không có hồ sơ nào có xung đột."
      />
    </section>
  );
}
