/**
 * The officer's work queues with their counts: "Hồ sơ cần xử lý" (waiting for my role's step),
 * "Hồ sơ sắp đến hạn", "Hồ sơ quá hạn", "Hồ sơ chờ trả kết quả".
 */
import { useSearchParams } from '@solidjs/router';
import { For, createMemo, createSignal } from 'solid-js';
import { QUEUE_LABELS, type QueueName } from '@motcua/model';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { searchDossiers } from '../dossier/searchDossiers.ts';
import { DossierTableView } from '../reception/DossierTableView.tsx';
import { createAgencyQueues } from './createAgencyQueues.ts';
import './processing.css';

const SLUGS: Record<QueueName, string> = { todo: 'can-xu-ly', dueSoon: 'sap-den-han', overdue: 'qua-han', awaitingReturn: 'cho-tra-ket-qua' };
const ORDER: QueueName[] = ['todo', 'dueSoon', 'overdue', 'awaitingReturn'];

export default function QueuesPage() {
  const [search] = useSearchParams<{ hang?: string }>();
  const { loading, queues } = createAgencyQueues();
  const [query, setQuery] = createSignal('');
  const current = () => ORDER.find((q) => SLUGS[q] === search.hang) ?? 'todo';
  const byDue = (a: { dueAt: string | null }, b: { dueAt: string | null }) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9');
  const rows = createMemo(() => searchDossiers(queues()[current()], query(), byDue));
  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">{QUEUE_LABELS[current()]}</h1>
      <nav aria-label="Hàng đợi hồ sơ">
        <ul class="queue-tabs">
          <For each={ORDER}>
            {(q) => (
              <li>
                <a
                  href={`/xu-ly?hang=${SLUGS[q]}`}
                  class={`queue-tab${q === 'overdue' && queues().overdue.length > 0 ? ' bad' : ''}`}
                  aria-current={q === current() ? 'page' : undefined}
                >
                  {QUEUE_LABELS[q]} <span class="count">{queues()[q].length}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <SearchBox id="queues-q" label="Tìm theo mã hồ sơ, số CCCD hoặc họ tên" value={query()} onInput={setQuery} />
      <p class="muted" role="status">
        {loading() ? 'Đang tải…' : `${rows().length} hồ sơ`}
      </p>
      <DossierTableView
        caption={QUEUE_LABELS[current()]}
        dossiers={rows()}
        base="/xu-ly"
        empty={query() ? 'Không có hồ sơ nào khớp với nội dung tìm kiếm.' : 'Không có hồ sơ nào trong mục này.'}
      />
    </section>
  );
}
