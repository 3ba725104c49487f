import { createMemo, createSignal, For } from 'solid-js';
import { statusLabel, type Dossier } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { searchDossiers } from '../dossier/searchDossiers.ts';
import { DossierTableView } from './DossierTableView.tsx';

const STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** "Tra cứu hồ sơ": every dossier of the agency on this device, by code, CCCD or name. */
export default function LookupPage() {
  const { db, user } = useDatabase();
  const [query, setQuery] = createSignal('');
  const [status, setStatus] = createSignal('');
  const all = createQuery(
    () => db.dossiers.find({ selector: { status: { $gt: 0 }, ...(user.agencyId && user.role !== 'admin' ? { agencyId: user.agencyId } : {}) } }).$,
    (docs) => toPlain<Dossier>(docs),
  );
  const rows = createMemo(() =>
    searchDossiers((all() ?? []).filter((d) => !status() || d.status === Number(status())), query()).reverse(),
  );
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">Tra cứu hồ sơ</h1>
      <div class="filters">
        <SearchBox id="lookup-q" label="Tìm theo mã hồ sơ, số CCCD hoặc họ tên" value={query()} onInput={setQuery} />
        <div class="field">
          <label for="lookup-status">Trạng thái</label>
          <select id="lookup-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">Tất cả trạng thái</option>
            <For each={STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
          </select>
        </div>
      </div>
      <p class="muted" role="status">
        {all() === undefined ? 'Đang tải…' : `${rows().length} hồ sơ`}
      </p>
      <DossierTableView caption="Kết quả tra cứu hồ sơ" dossiers={rows()} base="/tra-cuu" empty="Không tìm thấy hồ sơ nào." />
    </section>
  );
}
