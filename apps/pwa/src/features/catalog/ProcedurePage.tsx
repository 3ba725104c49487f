import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Agency, Procedure } from '@motcua/model';
import { createQuery, toPlain, toPlainOne } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { agenciesFor } from './filterProcedures.ts';
import { ProcedureView } from './ProcedureView.tsx';

/** One procedure of the catalog, with "Nộp hồ sơ" for citizens. */
export default function ProcedurePage() {
  const params = useParams<{ id: string }>();
  const { db, user } = useDatabase();
  const procedure = createQuery(() => db.procedures.findOne(params.id).$, (doc) => toPlainOne<Procedure>(doc));
  const agencies = createQuery(() => db.agencies.find().$, (docs) => toPlain<Agency>(docs));
  return (
    <Show
      when={procedure()}
      fallback={<p role="status">{procedure() === undefined ? 'Đang tải…' : 'Không tìm thấy thủ tục này trên máy.'}</p>}
    >
      {(p) => <ProcedureView procedure={p()} agencies={agenciesFor(p(), agencies() ?? [])} canSubmit={user.role === 'citizen'} />}
    </Show>
  );
}
