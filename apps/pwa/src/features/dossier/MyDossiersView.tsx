import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { formatDate } from '../../lib/format.ts';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

export interface MyDossiersViewProps {
  loading: boolean;
  dossiers: Dossier[];
  query: string;
  onQuery: (q: string) => void;
}

export function MyDossiersView(props: MyDossiersViewProps) {
  return (
    <section aria-labelledby="mine-title">
      <div class="title-row">
        <h1 id="mine-title">Hồ sơ của tôi</h1>
        <A class="button primary" href="/thu-tuc">
          Nộp hồ sơ mới
        </A>
      </div>
      <SearchBox id="mine-q" label="Tìm theo mã hồ sơ hoặc tên thủ tục" value={props.query} onInput={props.onQuery} />
      <Show when={!props.loading} fallback={<p role="status">Đang tải…</p>}>
        <Show when={props.dossiers.length > 0} fallback={<p class="empty">Chưa có hồ sơ nào.</p>}>
          <div class="table-wrap">
            <table class="table stack">
              <caption class="visually-hidden">Hồ sơ của tôi</caption>
              <thead>
                <tr>
                  <th scope="col">Mã hồ sơ</th>
                  <th scope="col">Thủ tục</th>
                  <th scope="col">Ngày nộp</th>
                  <th scope="col">Ngày hẹn trả</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.dossiers}>
                  {(d) => (
                    <tr>
                      <td data-label="Mã hồ sơ">
                        <Show
                          when={d.status === 0}
                          fallback={
                            <A href={`/ho-so-cua-toi/${d.id}`} aria-label={`Xem hồ sơ ${d.code ?? ''} ${d.summary}`}>
                              {d.code ?? 'Chưa có mã'}
                            </A>
                          }
                        >
                          <A href={`/nop-ho-so/${encodeURIComponent(d.procedureId)}?nhap=${d.id}`} aria-label={`Tiếp tục soạn ${d.summary}`}>
                            Tiếp tục soạn
                          </A>
                        </Show>
                      </td>
                      <td data-label="Thủ tục">{d.summary}</td>
                      <td data-label="Ngày nộp">{formatDate(d.submittedAt)}</td>
                      <td data-label="Ngày hẹn trả">{formatDate(d.dueAt)}</td>
                      <td data-label="Trạng thái">
                        <StatusBadge dossier={d} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
    </section>
  );
}
