/**
 * "Xem lịch sử cập nhật": every event of the dossier (who, which device, when, what, the opinion
 * and attachments, and whether the server applied it, waits for it, or refused it and why), with
 * the result of checking the devices' hash chains.
 */
import { For, Match, Show, Switch } from 'solid-js';
import { roleLabel, type DossierEvent, type FileMeta } from '@motcua/model';
import { formatDateTime } from '../../lib/format.ts';
import { eventName } from '../dossier/eventNames.ts';
import type { HistoryCheck } from './verifyHistory.ts';

export interface HistoryViewProps {
  events: DossierEvent[];
  /** undefined while checking. */
  check: HistoryCheck | undefined;
  files: Map<string, FileMeta>;
  onFile: (file: FileMeta, mode: 'open' | 'download') => void;
}

const attachments = (e: DossierEvent): string[] => {
  const ids = (e.data as { fileIds?: unknown }).fileIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
};

export function HistoryView(props: HistoryViewProps) {
  return (
    <>
      <Switch>
        <Match when={props.check === undefined}>
          <p class="muted" role="status">
            Đang kiểm tra tính toàn vẹn của lịch sử…
          </p>
        </Match>
        <Match when={props.check?.ok === false && props.check}>
          {(check) => (
            <div class="alert error" role="alert">
              <p>
                <strong>Lịch sử bị thiếu hoặc bị sửa.</strong> Chuỗi mã băm của lịch sử không khớp; cần báo cho quản trị hệ thống.
              </p>
              <ul>
                <For each={check().ok ? [] : (check() as { problems: string[] }).problems}>{(p) => <li class="small">{p}</li>}</For>
              </ul>
            </div>
          )}
        </Match>
        <Match when={props.check?.ok}>
          <p class="alert ok" role="status">
            Lịch sử đầy đủ, không bị sửa (đã kiểm tra chuỗi mã băm của {(props.check as { devices: number }).devices} thiết bị).
          </p>
        </Match>
      </Switch>
      <Show when={props.events.length > 0} fallback={<p class="muted">Chưa có cập nhật nào.</p>}>
        <div class="table-wrap">
          <table class="table stack">
            <caption class="visually-hidden">Lịch sử cập nhật hồ sơ</caption>
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Thiết bị</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Ý kiến xử lý</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.events}>
                {(e) => (
                  <tr>
                    <td data-label="Thời gian">{formatDateTime(e.at)}</td>
                    <td data-label="Người thực hiện">
                      {e.actor.name}
                      <div class="muted small">{roleLabel(e.actor.role)}</div>
                    </td>
                    <td data-label="Thiết bị">
                      <span title={e.deviceId}>{e.deviceId.slice(0, 8)}</span>
                      <div class="muted small">số {e.deviceSeq}</div>
                    </td>
                    <td data-label="Nội dung">
                      {eventName(e.type)}
                      <Switch fallback={<div class="muted small">Chờ máy chủ xác nhận</div>}>
                        <Match when={e.outcome?.status === 'refused' && e.outcome}>
                          {(o) => <div class="alert error small">Không được áp dụng: {o().reason}</div>}
                        </Match>
                        <Match when={e.outcome?.status === 'applied' || !e.action}>{null}</Match>
                      </Switch>
                    </td>
                    <td data-label="Ý kiến xử lý">
                      {e.comment || '—'}
                      <For each={attachments(e)}>
                        {(id) => (
                          <Show when={props.files.get(id)} fallback={<div class="muted small">Tệp đính kèm chưa đồng bộ về máy</div>}>
                            {(f) => (
                              <div>
                                <button type="button" class="link-button" aria-label={`Mở tệp đính kèm ${f().name}`} onClick={() => props.onFile(f(), 'open')}>
                                  {f().name}
                                </button>
                              </div>
                            )}
                          </Show>
                        )}
                      </For>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}
