/**
 * The procedures the desk's commune handles, each with "Tiếp nhận" to start an in-person reception.
 */
import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { matchesQuery, type Procedure } from '@motcua/model';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { formatTimeLimit } from '../../lib/format.ts';
import { useDatabase } from '../../lib/useDatabase.ts';

export default function IntakeListPage() {
  const { db, user } = useDatabase();
  const [query, setQuery] = createSignal('');
  const procedures = createQuery(() => db.procedures.find().$, (docs) => toPlain<Procedure>(docs).sort((a, b) => a.name.localeCompare(b.name, 'vi')));
  const visible = () =>
    (procedures() ?? []).filter((p) => (!user.agencyId || p.agencyIds.length === 0 || p.agencyIds.includes(user.agencyId)) && matchesQuery(`${p.name} ${p.nationalCode}`, query()));
  return (
    <section aria-labelledby="intake-list-title">
      <h1 id="intake-list-title">Tiếp nhận hồ sơ trực tiếp</h1>
      <div class="field">
        <label for="intake-search">Tìm thủ tục</label>
        <input id="intake-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <Show when={procedures()} fallback={<p role="status">Đang tải…</p>}>
        <ul class="card-list">
          <For each={visible()} fallback={<li class="empty">Không có thủ tục phù hợp.</li>}>
            {(p) => (
              <li class="card">
                <h2 class="card-title">{p.name}</h2>
                <p class="meta">
                  <span>{p.nationalCode}</span>
                  <span>{formatTimeLimit(p.timeLimit)}</span>
                </p>
                <p>
                  <A class="button primary small" href={`/tiep-nhan-truc-tiep/${encodeURIComponent(p.id)}`} aria-label={`Tiếp nhận: ${p.name}`}>
                    Tiếp nhận
                  </A>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
