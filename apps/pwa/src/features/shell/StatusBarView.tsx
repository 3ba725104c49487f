import { For, Show } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';

export interface StatusBarViewProps {
  online: boolean;
  pending: number;
  lastSyncedAt: Date | null;
  error: string | null;
  onSyncNow: () => void;
  /** The first, long pull of this device, while it runs: documents received per collection. */
  initialSync?: Array<{ label: string; count: number }> | null;
  /** "Sắp hết dãy số hồ sơ cấp ngoại tuyến" when the device's leased codes run low. */
  codeWarning?: string | null;
  /** Changes the server refused for good, one line each, until dismissed. */
  refused?: string[];
  onDismissRefused?: () => void;
}

/** Always visible: online or not, changes waiting to sync, and when the last sync happened. */
export function StatusBarView(props: StatusBarViewProps) {
  return (
    <div class="status-bar" classList={{ offline: !props.online }} role="status" aria-label="Đồng bộ dữ liệu">
      <span class="status-online">
        <span class="dot" aria-hidden="true" />
        {props.online ? 'Trực tuyến' : 'Ngoại tuyến'}
      </span>
      <span class="status-pending">{props.pending} thay đổi chờ đồng bộ</span>
      <span class="status-last">
        {props.lastSyncedAt ? `Đồng bộ lần cuối: ${formatDateTime(props.lastSyncedAt)}` : 'Chưa đồng bộ lần nào'}
      </span>
      <Show when={props.initialSync}>
        {(rows) => (
          <span class="status-initial" aria-live="polite">
            Đang tải dữ liệu lần đầu… {rows().map((r) => `${r.count.toLocaleString('vi-VN')} ${r.label}`).join(', ')}
            {' '}(có thể tạm dừng; lần sau tải tiếp từ chỗ đã dừng)
          </span>
        )}
      </Show>
      <Show when={props.codeWarning}>
        <span class="status-warning">{props.codeWarning}</span>
      </Show>
      <Show when={props.refused?.length}>
        <details class="status-refused">
          <summary class="status-error">{props.refused!.length} thay đổi bị máy chủ từ chối (không gửi lại)</summary>
          <ul>
            <For each={props.refused}>{(line) => <li>{line}</li>}</For>
          </ul>
          <button type="button" class="link-button" onClick={() => props.onDismissRefused?.()}>
            Đã xem
          </button>
        </details>
      </Show>
      <Show when={props.error}>
        <span class="status-error">Lỗi đồng bộ: {props.error}</span>
      </Show>
      <button type="button" class="link-button" onClick={() => props.onSyncNow()} disabled={!props.online}>
        Đồng bộ ngay
      </button>
    </div>
  );
}
