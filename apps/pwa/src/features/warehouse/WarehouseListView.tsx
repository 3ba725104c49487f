/**
 * The documents of a warehouse with their metadata, validity ("Hết hiệu lực" marked), source,
 * signature status and download (props only).
 */
import { For, Show, type JSX } from 'solid-js';
import { isStillValid, validityText, type FileMeta, type WarehouseDocument } from '@motcua/model';
import { formatBytes, formatDate, formatDateTime } from '../../lib/format.ts';

export interface WarehouseListViewProps {
  documents: readonly WarehouseDocument[];
  files: ReadonlyMap<string, FileMeta>;
  now: Date;
  /** The signature status of a file (shown when device signing is available). */
  signature?: (file: FileMeta) => JSX.Element;
  onDownload: (doc: WarehouseDocument, file: FileMeta) => void;
}

const day = (iso: string | null) => (iso ? formatDate(`${iso.slice(0, 10)}T00:00:00+07:00`) : '—');

export function WarehouseListView(props: WarehouseListViewProps) {
  return (
    <Show when={props.documents.length > 0} fallback={<p class="muted">Không tìm thấy dữ liệu: kho của bạn chưa có giấy tờ nào.</p>}>
      <ul class="warehouse-list">
        <For each={props.documents}>
          {(doc) => {
            const valid = () => isStillValid(doc, props.now);
            const file = () => props.files.get(doc.fileId);
            return (
              <li classList={{ expired: !valid() }}>
                <p class="component-name">
                  {doc.name}
                  <Show when={!valid()}>
                    {' '}
                    <span class="badge-expired">Hết hiệu lực</span>
                  </Show>
                </p>
                <dl class="details small">
                  <div><dt>Mã loại giấy tờ</dt><dd>{doc.docTypeCode}</dd></div>
                  <div><dt>Số, ký hiệu</dt><dd>{doc.number || '—'}</dd></div>
                  <div><dt>Ngày cấp</dt><dd>{day(doc.issuedAt)}</dd></div>
                  <div><dt>Cơ quan cấp</dt><dd>{doc.issuer || '—'}</dd></div>
                  <div><dt>Hiệu lực</dt><dd>{validityText(doc, props.now)}</dd></div>
                  <div><dt>Phạm vi hiệu lực</dt><dd>{doc.validScope || '—'}</dd></div>
                  <div><dt>Nguồn</dt><dd>{doc.kind === 'result' ? 'Kết quả giải quyết' : 'Số hóa từ hồ sơ'} · {doc.digitizedBy}, {formatDateTime(doc.digitizedAt)}</dd></div>
                </dl>
                <Show when={file()} fallback={<p class="muted small">Tệp chưa đồng bộ về máy.</p>}>
                  {(f) => (
                    <div class="actions">
                      {props.signature?.(f())}
                      <button type="button" class="button small" aria-label={`Tải xuống ${doc.name}`} onClick={() => props.onDownload(doc, f())}>
                        Tải xuống ({formatBytes(f().size)})
                      </button>
                    </div>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
