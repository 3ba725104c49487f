import { For, Show } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { formatDateTime } from '../../lib/format.ts';

export type ConflictDecision = 'reapplied' | 'setAside';

export interface ConflictListViewProps {
  conflicts: Dossier['conflicts'];
  busy: boolean;
  error: string | null;
  onResolve: (conflictId: string, decision: ConflictDecision, comment: string) => void;
}

/** Each refused action of a dossier: what, by whom, why; "Áp dụng lại" or "Bỏ qua" with a comment. */
export function ConflictListView(props: ConflictListViewProps) {
  return (
    <Show when={props.conflicts.length > 0}>
      <section class="card conflicts" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">Hồ sơ có xung đột ({props.conflicts.length})</h2>
        <p class="muted">
          Máy chủ không áp dụng được các thao tác dưới đây (thường vì hai máy cùng xử lý hồ sơ lúc mất mạng). Thao tác vẫn được giữ:
          áp dụng lại trên trạng thái hiện tại, hoặc bỏ qua kèm ý kiến.
        </p>
        <Show when={props.error}>
          <p class="alert error" role="alert">{props.error}</p>
        </Show>
        <ul class="plain-list">
          <For each={props.conflicts}>
            {(c) => (
              <li>
                <p>
                  <strong>{c.action ?? 'Thao tác'}</strong>
                  <Show when={c.by}> — {c.by}</Show>
                  <Show when={c.at}>{(at) => <span class="muted">, {formatDateTime(at())}</span>}</Show>
                </p>
                <p>Lý do: {c.note}</p>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const submitter = (e.submitter as HTMLButtonElement | null)?.value === 'reapplied' ? 'reapplied' : 'setAside';
                    props.onResolve(c.eventId, submitter, String(new FormData(e.currentTarget).get('comment') ?? ''));
                  }}
                >
                  <label>
                    Ý kiến xử lý
                    <input name="comment" type="text" maxLength={500} placeholder="Ví dụ: đã liên hệ công dân, giữ nguyên trạng thái" />
                  </label>
                  <div class="actions">
                    <button type="submit" name="decision" value="reapplied" class="button small" disabled={props.busy}>
                      Áp dụng lại
                    </button>
                    <button type="submit" name="decision" value="setAside" class="button small secondary" disabled={props.busy}>
                      Bỏ qua
                    </button>
                  </div>
                </form>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
