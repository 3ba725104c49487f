import { Show } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';

export interface StatusBarViewProps {
  online: boolean;
  pending: number;
  lastSyncedAt: Date | null;
  error: string | null;
  onSyncNow: () => void;
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
      <Show when={props.error}>
        <span class="status-error">Lỗi đồng bộ: {props.error}</span>
      </Show>
      <button type="button" class="link-button" onClick={() => props.onSyncNow()} disabled={!props.online}>
        Đồng bộ ngay
      </button>
    </div>
  );
}
