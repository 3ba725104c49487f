/**
 * "Xem lịch sử ký số": every signature on a file, oldest first, with who, for which agency, when,
 * how, and whether it holds. Props only.
 */
import { For, Show, onMount } from 'solid-js';
import type { SignatureReport } from '@motcua/crypto/pdf';
import { formatDateTime } from '../../lib/format.ts';
import { METHOD_LABELS } from './signatureLabels.ts';

export interface SignatureHistoryDialogProps {
  fileName: string;
  reports: readonly SignatureReport[];
  onClose: () => void;
}

export function SignatureHistoryDialog(props: SignatureHistoryDialogProps) {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  const close = () => {
    dialog.close();
    props.onClose();
  };
  return (
    <dialog
      ref={dialog}
      class="sheet"
      aria-labelledby="sig-history-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="sig-history-title">Lịch sử ký số</h2>
      <p class="muted">{props.fileName}</p>
      <Show when={props.reports.length > 0} fallback={<p>Tệp này chưa có chữ ký số.</p>}>
        <ol class="signature-history">
          <For each={props.reports}>
            {(report, index) => (
              <li>
                <p>
                  <strong>
                    {index() + 1}. {report.signerName ?? 'Không rõ người ký'}
                  </strong>
                  <Show when={report.agency}> — {report.agency}</Show>
                </p>
                <p>
                  Thời gian ký: {report.signedAt ? formatDateTime(report.signedAt) : '—'}
                  <Show when={report.method}>{(method) => <> · Hình thức: {METHOD_LABELS[method()]}</>}</Show>
                </p>
                <Show when={report.issuerName}>
                  <p class="muted">Chứng thư do {report.issuerName} cấp</p>
                </Show>
                <p>
                  <span class={`badge ${report.valid ? 'ok' : 'bad'}`}>{report.valid ? 'Chữ ký hợp lệ' : 'Chữ ký không hợp lệ'}</span>
                  <Show when={report.reason}> {report.reason}</Show>
                  <Show when={report.valid && !report.coversWholeDocument}>
                    <span class="muted"> (tài liệu có chữ ký khác sau chữ ký này)</span>
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={close}>
          Đóng
        </button>
      </div>
    </dialog>
  );
}
