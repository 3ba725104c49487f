/**
 * The files a citizen picked for one dossier component, each with "Xóa tệp", and the
 * "Tải tệp lên" button (PDF, JPEG, PNG; several at once). Used when submitting and when supplementing.
 */
import { For, Show } from 'solid-js';
import type { FileMeta } from '@motcua/model';
import { formatBytes } from '../../lib/format.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export interface ComponentFilesViewProps {
  /** The file input's id (its label is the button). */
  inputId: string;
  fileIds: string[];
  files: Map<string, FileMeta>;
  busy: boolean;
  onUpload: (files: File[]) => void;
  onRemove: (fileId: string) => void;
}

export function ComponentFilesView(props: ComponentFilesViewProps) {
  return (
    <>
      <Show when={props.fileIds.length > 0}>
        <ul class="file-list">
          <For each={props.fileIds}>
            {(fileId) => {
              const meta = () => props.files.get(fileId);
              return (
                <li>
                  <span class="file-name">{meta()?.name ?? 'Tệp đã chọn'}</span>
                  <span class="muted"> ({meta() ? formatBytes(meta()!.size) : '…'})</span>
                  <button
                    type="button"
                    class="link-button"
                    aria-label={`Xóa tệp ${meta()?.name ?? ''}`}
                    disabled={props.busy}
                    onClick={() => props.onRemove(fileId)}
                  >
                    Xóa tệp
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <input
        type="file"
        id={props.inputId}
        class="file-input"
        accept={ACCEPT}
        multiple
        disabled={props.busy}
        onChange={(e) => {
          const picked = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (picked.length) props.onUpload(picked);
        }}
      />
      <label for={props.inputId} class="button small file-label">
        Tải tệp lên
      </label>
    </>
  );
}
