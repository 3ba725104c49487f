/**
 * "Lưu kết quả vào kho dữ liệu điện tử": once a dossier has a result file, the desk saves it to
 * the citizen's warehouse as a result (loaiSoHoa 1); a still-valid result is then reused, never
 * scanned again.
 */
import { Show, createSignal } from 'solid-js';
import { proposeResultForm, type Dossier, type Procedure } from '@motcua/model';
import { useDatabase } from '../../lib/useDatabase.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { saveComponentToWarehouse } from './saveToWarehouse.ts';
import { WarehouseSaveDialog } from './WarehouseSaveDialog.tsx';
import './warehouse.css';

export function ResultWarehouseButton(props: { dossier: Dossier; procedure: Procedure | null; agencyName: string }) {
  const { db, user } = useDatabase();
  const writer = useDossierWriter();
  const [open, setOpen] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const result = () => props.dossier.result;
  return (
    <Show when={result() && result()!.fileIds.length > 0}>
      <div class="component-tools">
        <Show
          when={!result()!.warehouseDocId}
          fallback={<p class="small ok-text">Kết quả đã được lưu vào kho dữ liệu điện tử của công dân.</p>}
        >
          <button type="button" class="button small" onClick={() => setOpen(true)}>
            Lưu kết quả vào kho dữ liệu điện tử
          </button>
        </Show>
        <Show when={message()}>
          <p class="alert info small" role="status">{message()}</p>
        </Show>
        <Show when={open()}>
          <WarehouseSaveDialog
            componentName={result()!.name}
            documentTypes={[]}
            initial={proposeResultForm({ dossier: props.dossier, resultName: props.procedure?.resultName ?? result()!.name, issuer: props.agencyName })}
            onClose={() => setOpen(false)}
            onSave={async (form) => {
              const { signed } = await saveComponentToWarehouse(db, writer, { dossier: props.dossier, componentId: 'result', form, user, agencyName: props.agencyName });
              setMessage(signed ? 'Đã ký số và lưu kết quả vào kho.' : 'Đã lưu kết quả vào kho (chưa ký số).');
            }}
          />
        </Show>
      </div>
    </Show>
  );
}
