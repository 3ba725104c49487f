import { Show } from 'solid-js';
import { applyUpdate, updateWaiting } from '../lib/registerServiceWorker.ts';

/** "Đã có phiên bản mới — Cập nhật", shown while a new service worker waits. */
export function UpdateBanner() {
  return (
    <Show when={updateWaiting()}>
      <div class="update-banner" role="status">
        <span>Đã có phiên bản mới — </span>
        <button type="button" class="button small" onClick={applyUpdate}>
          Cập nhật
        </button>
      </div>
    </Show>
  );
}
