import { createMemo, createSignal } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { searchDossiers } from '../dossier/searchDossiers.ts';
import { DossierTableView } from './DossierTableView.tsx';

/** "Hồ sơ chờ tiếp nhận": dossiers citizens submitted online (status 1), oldest first. */
export default function ReceptionQueuePage() {
  const { db, user } = useDatabase();
  const [query, setQuery] = createSignal('');
  const queue = createQuery(
    () => db.dossiers.find({ selector: { status: 1, ...(user.agencyId && user.role !== 'admin' ? { agencyId: user.agencyId } : {}) } }).$,
    (docs) => toPlain<Dossier>(docs),
  );
  const rows = createMemo(() => searchDossiers(queue() ?? [], query()));
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Hồ sơ chờ tiếp nhận</h1>
      <SearchBox id="queue-q" label="Tìm theo mã hồ sơ, số CCCD hoặc họ tên" value={query()} onInput={setQuery} />
      <p class="muted" role="status">
        {queue() === undefined ? 'Đang tải…' : `${rows().length} hồ sơ`}
      </p>
      <DossierTableView
        caption="Hồ sơ chờ tiếp nhận"
        dossiers={rows()}
        base="/tiep-nhan"
        empty={query() ? 'Không có hồ sơ nào khớp với nội dung tìm kiếm.' : 'Không có hồ sơ nào chờ tiếp nhận.'}
      />
    </section>
  );
}
