import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { formatDate } from '../../lib/format.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

export interface DossierTableViewProps {
  caption: string;
  dossiers: Dossier[];
  /** Where a row's code links: `${base}/${id}`. */
  base: string;
  empty: string;
}

/** STT · Mã số hồ sơ · Thủ tục · Người nộp · Ngày nộp · Trạng thái. Stacks into cards on phones. */
export function DossierTableView(props: DossierTableViewProps) {
  return (
    <Show when={props.dossiers.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      <div class="table-wrap">
        <table class="table stack">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Mã số hồ sơ</th>
              <th scope="col">Thủ tục</th>
              <th scope="col">Người nộp</th>
              <th scope="col">Ngày nộp</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.dossiers}>
              {(d, i) => (
                <tr>
                  <td data-label="STT">{i() + 1}</td>
                  <td data-label="Mã số hồ sơ">
                    <A href={`${props.base}/${d.id}`} aria-label={`Mở hồ sơ ${d.code ?? 'chưa có mã'} của ${d.applicant.fullName}`}>
                      {d.code ?? 'Chưa có mã'}
                    </A>
                  </td>
                  <td data-label="Thủ tục">{d.summary}</td>
                  <td data-label="Người nộp">
                    {d.applicant.fullName}
                    <div class="muted small">CCCD {d.applicant.cccd}</div>
                  </td>
                  <td data-label="Ngày nộp">{formatDate(d.submittedAt ?? d.receivedAt)}</td>
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
  );
}
