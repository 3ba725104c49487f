/**
 * "Kho dữ liệu của tôi": every document in the citizen's electronic warehouse, live from the
 * device (replicated from the server), with metadata, validity, source, signature and download.
 */
import { Show, createSignal } from 'solid-js';
import type { FileMeta, WarehouseDocument } from '@motcua/model';
import { readBytes } from '../../db/index.ts';
import { createQuery, toPlain } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { PdfSignatureStatus } from '../signing/PdfSignatureStatus.tsx';
import { openBlob } from '../../lib/openBlob.ts';
import { WarehouseListView } from './WarehouseListView.tsx';
import './warehouse.css';

export default function MyWarehousePage() {
  const { db } = useDatabase();
  const [error, setError] = createSignal<string | null>(null);
  const documents = createQuery(
    // A citizen's database holds only their own papers (and `ownerCccd` is stored encrypted).
    () => db.warehouse.find().$,
    (docs) => toPlain<WarehouseDocument>(docs).sort((a, b) => b.digitizedAt.localeCompare(a.digitizedAt)),
  );
  const files = createQuery(
    () => db.files.find().$,
    (docs) => new Map(toPlain<FileMeta>(docs).map((f) => [f.id, f])),
  );

  return (
    <section aria-labelledby="kho-title">
      <h1 id="kho-title">Kho dữ liệu của tôi</h1>
      <p class="muted">Giấy tờ đã số hóa và kết quả giải quyết thủ tục của bạn. Giấy tờ còn hiệu lực được dùng lại khi nộp hồ sơ mới.</p>
      <Show when={error()}>
        <p class="alert error" role="alert">{error()}</p>
      </Show>
      <Show when={documents()} fallback={<p role="status">Đang tải…</p>}>
        {(list) => (
          <WarehouseListView
            documents={list()}
            files={files() ?? new Map()}
            now={new Date()}
            signature={(file) =>
              file.mime === 'application/pdf' ? (
                <PdfSignatureStatus fileName={file.name} load={async () => new Uint8Array(await (await readBytes(db, file)).arrayBuffer())} />
              ) : null
            }
            onDownload={(doc, file) => {
              setError(null);
              openBlob(() => readBytes(db, file), `${doc.name}.pdf`, 'download').catch((e: unknown) =>
                setError(e instanceof Error ? e.message : String(e)),
              );
            }}
          />
        )}
      </Show>
    </section>
  );
}
