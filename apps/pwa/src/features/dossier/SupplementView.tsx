import { For, Show } from 'solid-js';
import type { DossierComponent, FileMeta } from '@motcua/model';
import { ComponentFilesView } from '../submit/ComponentFilesView.tsx';

export interface SupplementViewProps {
  /** What the desk asked for. */
  request: { reason: string; items: string[] } | null;
  components: DossierComponent[];
  /** Files picked for the supplement, by component id. */
  picked: Record<string, string[]>;
  files: Map<string, FileMeta>;
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  onUpload: (componentId: string, files: File[]) => void;
  onRemove: (componentId: string, fileId: string) => void;
  onSend: (comment: string) => void;
}

/** The citizen's answer to "Yêu cầu bổ sung": new files per component and a note. */
export function SupplementView(props: SupplementViewProps) {
  return (
    <form
      class="panel"
      aria-labelledby="supplement-title"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend((e.currentTarget.elements.namedItem('supplement-comment') as HTMLTextAreaElement).value);
      }}
    >
      <h2 id="supplement-title">Bổ sung hồ sơ</h2>
      <Show when={props.request}>
        {(r) => (
          <div class="alert warning">
            <p>
              <strong>Cán bộ yêu cầu bổ sung:</strong> {r().reason}
            </p>
            <Show when={r().items.length > 0}>
              <ul>
                <For each={r().items}>{(item) => <li>{item}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <p class="muted small">Tải lên các giấy tờ cán bộ yêu cầu, rồi bấm "Gửi bổ sung". Chấp nhận tệp PDF, JPG, PNG.</p>
      <For each={props.components}>
        {(c) => {
          const inputId = `supplement-file-${c.id}`;
          return (
            <fieldset class="panel component">
              <legend>{c.name}</legend>
              <ComponentFilesView
                inputId={inputId}
                fileIds={props.picked[c.id] ?? []}
                files={props.files}
                busy={props.busy}
                onUpload={(files) => props.onUpload(c.id, files)}
                onRemove={(fileId) => props.onRemove(c.id, fileId)}
              />
            </fieldset>
          );
        }}
      </For>
      <div class="field">
        <label for="supplement-comment">Ghi chú cho cán bộ (không bắt buộc)</label>
        <textarea id="supplement-comment" name="supplement-comment" />
      </div>
      <Show when={props.message}>
        {(m) => (
          <p class={`alert ${m().kind}`} role={m().kind === 'error' ? 'alert' : 'status'}>
            {m().text}
          </p>
        )}
      </Show>
      <button type="submit" class="button primary" disabled={props.busy}>
        Gửi bổ sung
      </button>
    </form>
  );
}
