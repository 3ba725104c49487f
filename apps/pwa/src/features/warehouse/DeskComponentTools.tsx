/**
 * The desk's tools on one dossier component: "Quét, số hóa" (refused with the reason when a
 * still-valid result is already in the owner's warehouse), "Lưu vào kho dữ liệu điện tử", and
 * "Lấy giấy tờ từ kho dữ liệu điện tử" (open, check, then reuse).
 */
import { Match, Show, Switch, createSignal } from 'solid-js';
import { createTaskRunner } from '../../lib/createTaskRunner.ts';
import {
  proposeWarehouseForm, rescanRefusal, documentsForComponent, type Dossier, type DossierComponent, type ProcedureComponent,
} from '@motcua/model';
import { readBytes, saveLocalFile } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { ScanDialog } from '../scan/ScanDialog.tsx';
import { PdfSignatureStatus } from '../signing/PdfSignatureStatus.tsx';
import { openBlob } from '../../lib/openBlob.ts';
import { reuseIntoDossier } from './reuseDocument.ts';
import { saveComponentToWarehouse } from './saveToWarehouse.ts';
import { loadOwnerWarehouse, type OwnerWarehouse } from './warehouseApi.ts';
import { WarehousePickerDialog } from './WarehousePickerDialog.tsx';
import { WarehouseSaveDialog } from './WarehouseSaveDialog.tsx';
import './warehouse.css';

export interface DeskComponentToolsProps {
  dossier: Dossier;
  component: DossierComponent;
  template: ProcedureComponent | null;
  agencyName: string;
}

export function DeskComponentTools(props: DeskComponentToolsProps) {
  const { db, user } = useDatabase();
  const writer = useDossierWriter();
  const [open, setOpen] = createSignal<'scan' | 'save' | 'pick' | null>(null);
  const [owner, setOwner] = createSignal<OwnerWarehouse | null>(null);
  const { busy, message, setMessage, run } = createTaskRunner();
  const types = () => props.template?.documentTypes ?? [];


  const startScan = () =>
    run(async () => {
      const loaded = await loadOwnerWarehouse(db, props.dossier.ownerCccd);
      const refusal = rescanRefusal(loaded.documents, types(), new Date());
      if (refusal) throw new Error(refusal);
      setOpen('scan');
    });

  const startPick = () =>
    run(async () => {
      const loaded = await loadOwnerWarehouse(db, props.dossier.ownerCccd);
      setOwner({ ...loaded, documents: documentsForComponent(loaded.documents, types(), new Date()) });
      setOpen('pick');
    });

  async function attachScan(file: File) {
    const meta = await saveLocalFile(db, file, {
      id: newId(), ownerCccd: props.dossier.ownerCccd, agencyId: props.dossier.agencyId, dossierId: props.dossier.id, uploadedBy: user.id,
    });
    await writer.edit(props.dossier.id, (d) => ({
      ...d,
      components: d.components.map((c) => (c.id === props.component.id ? { ...c, fileIds: [...c.fileIds, meta.id] } : c)),
    }));
    setMessage({ kind: 'ok', text: `Đã đính kèm bản quét "${meta.name}".` });
  }

  return (
    <div class="component-tools">
      <div class="actions">
        <button type="button" class="button small" disabled={busy()} onClick={startScan} aria-label={`Quét, số hóa: ${props.component.name}`}>
          Quét, số hóa
        </button>
        <button type="button" class="button small" disabled={busy() || props.component.fileIds.length === 0}
          aria-label={`Lưu vào kho dữ liệu điện tử: ${props.component.name}`} onClick={() => setOpen('save')}>
          Lưu vào kho dữ liệu điện tử
        </button>
        <button type="button" class="button small" disabled={busy()} onClick={startPick}
          aria-label={`Lấy giấy tờ từ kho dữ liệu điện tử: ${props.component.name}`}>
          Lấy giấy tờ từ kho dữ liệu điện tử
        </button>
      </div>
      <Show when={props.component.warehouseDocId && !props.component.reused}>
        <p class="small ok-text">Đã lưu vào kho dữ liệu điện tử.</p>
      </Show>
      <Show when={message()}>
        {(m) => <p class={`alert ${m().kind === 'ok' ? 'info' : 'error'} small`} role={m().kind === 'ok' ? 'status' : 'alert'}>{m().text}</p>}
      </Show>
      <Switch>
        <Match when={open() === 'scan'}>
          <ScanDialog title={props.component.name} onDone={attachScan} onClose={() => setOpen(null)} />
        </Match>
        <Match when={open() === 'save'}>
          <WarehouseSaveDialog
            componentName={props.component.name}
            documentTypes={types()}
            initial={proposeWarehouseForm({ dossier: props.dossier, component: props.component, template: props.template })}
            onClose={() => setOpen(null)}
            onSave={async (form) => {
              const { signed } = await saveComponentToWarehouse(db, writer, {
                dossier: props.dossier, componentId: props.component.id, form, user, agencyName: props.agencyName,
              });
              setMessage({
                kind: 'ok',
                text: signed
                  ? 'Đã ký số và lưu vào kho dữ liệu điện tử.'
                  : 'Đã lưu vào kho dữ liệu điện tử (chưa ký số: thiết bị chưa được cấp chứng thư số, cần kết nối mạng).',
              });
            }}
          />
        </Match>
        <Match when={open() === 'pick' && owner()}>
          {(o) => (
            <WarehousePickerDialog
              title={`Lấy giấy tờ từ kho dữ liệu điện tử: ${props.component.name}`}
              documents={o().documents}
              files={o().files}
              notice={o().notice}
              mustOpenFirst
              onClose={() => setOpen(null)}
              onOpen={(_doc, file) => openBlob(() => readBytes(db, file), file.name)}
              signature={(file) => (
                <PdfSignatureStatus fileName={file.name} load={async () => new Uint8Array(await (await readBytes(db, file)).arrayBuffer())} />
              )}
              onChoose={async (doc, file) => {
                await reuseIntoDossier(db, writer, { dossier: props.dossier, componentId: props.component.id, doc, file, userId: user.id });
                setMessage({ kind: 'ok', text: `Đã dùng lại "${doc.name}" từ kho dữ liệu điện tử.` });
              }}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}
