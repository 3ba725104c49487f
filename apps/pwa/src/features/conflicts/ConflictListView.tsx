import { For, Show } from 'solid-js';
import type { Dossier } from '@motcua/model';

export interface ConflictListViewProps {
  conflicts: Dossier['conflicts'];
  busy: boolean;
  error: string | null;
  onResolve: (conflictId: string, comment: string) => void;
}

/** Each lost change of a dossier, with a comment box and "Đã xem xét". */
export function ConflictListView(props: ConflictListViewProps) {
  return (
    <Show when={props.conflicts.length > 0}>
      <section class="card conflicts" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">Hồ sơ có xung đột ({props.conflicts.length})</h2>
        <p class="muted">Thay đổi dưới đây bị thay thế khi hai máy cùng đổi trạng thái lúc mất mạng. Xem lại rồi xác nhận.</p>
        <Show when={props.error}>
          <p class="alert error" role="alert">{props.error}</p>
        </Show>
        <ul class="plain-list">
          <For each={props.conflicts}>
            {(c) => (
              <li>
                <p>{c.note}</p>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    props.onResolve(c.eventId, String(new FormData(e.currentTarget).get('comment') ?? ''));
                  }}
                >
                  <label>
                    Ý kiến xử lý
                    <input name="comment" type="text" maxLength={500} placeholder="Ví dụ: đã liên hệ công dân, giữ nguyên trạng thái" />
                  </label>
                  <button type="submit" class="button small" disabled={props.busy}>
                    Đã xem xét
                  </button>
                </form>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
