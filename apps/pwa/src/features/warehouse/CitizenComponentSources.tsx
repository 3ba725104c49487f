/**
 * The citizen's extra sources for a component when submitting: "Chọn tệp từ kho dữ liệu" (the
 * warehouse picker) and "Tải tệp và ký số" (files made into a PDF and signed on the device).
 */
import { Show, createSignal } from 'solid-js';
import type { FileMeta, SessionUser, WarehouseDocument } from '@motcua/model';
import { readBytes } from '../../db/index.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { buildScan } from '../scan/buildScan.ts';
import { NO_CROP } from '../scan/scanSizing.ts';
import { openBlob } from '../../lib/openBlob.ts';
import { loadPdfSigner } from './signingSeam.ts';
import { loadNationalWarehouse, loadOwnerWarehouse, type OwnerWarehouse } from './warehouseApi.ts';
import { WarehousePickerDialog } from './WarehousePickerDialog.tsx';
import './warehouse.css';

export interface CitizenComponentSourcesProps {
  componentId: string;
  componentName: string;
  busy: boolean;
  onChoose: (doc: WarehouseDocument, file: FileMeta) => Promise<void>;
  onUpload: (files: File[]) => void;
  onError: (message: string) => void;
}

/** One signed PDF made of the picked files (PDF or images). Throws when signing is unavailable. */
export async function signFiles(files: File[], name: string, user: SessionUser): Promise<File> {
  const sign = await loadPdfSigner();
  if (!sign) throw new Error('Thiết bị này chưa có chữ ký số; hãy dùng "Tải tệp lên".');
  const single = files.length === 1 && files[0]!.type === 'application/pdf' ? files[0]! : null;
  const pdf = single ?? (await buildScan(files.map((f, i) => ({
    id: String(i), source: f, kind: f.type === 'application/pdf' ? 'pdf' : 'image', name: f.name, turns: 0, crop: NO_CROP,
  })), name));
  const signed = await sign(new Uint8Array(await pdf.arrayBuffer()), { signerName: user.fullName, agencyName: 'Công dân', at: new Date() });
  return new File([signed as BlobPart], pdf.name.replace(/\.pdf$/i, '') + ' (đã ký).pdf', { type: 'application/pdf' });
}

export function CitizenComponentSources(props: CitizenComponentSourcesProps) {
  const { db, user } = useDatabase();
  const [owner, setOwner] = createSignal<OwnerWarehouse | null>(null);

  /** Opens the file chooser; the picked files are signed into one PDF and attached. */
  function pickAndSign() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf,image/jpeg,image/png';
    input.multiple = true;
    input.addEventListener('change', () => {
      const picked = Array.from(input.files ?? []);
      if (!picked.length) return;
      signFiles(picked, props.componentName, user).then(
        (f) => props.onUpload([f]),
        (err: unknown) => props.onError(err instanceof Error ? err.message : String(err)),
      );
    });
    input.click();
  }

  return (
    <>
      <button type="button" class="button small" disabled={props.busy}
        aria-label={`Chọn tệp từ kho dữ liệu: ${props.componentName}`}
        onClick={async () => setOwner(await loadOwnerWarehouse(db, user.cccd ?? ''))}>
        Chọn tệp từ kho dữ liệu
      </button>
      <button type="button" class="button small" disabled={props.busy}
        aria-label={`Tải tệp và ký số: ${props.componentName}`} onClick={pickAndSign}>
        Tải tệp và ký số
      </button>
      <Show when={owner()}>
        {(o) => (
          <WarehousePickerDialog
            title={`Chọn tệp từ kho dữ liệu: ${props.componentName}`}
            documents={o().documents}
            files={o().files}
            notice={o().notice}
            mustOpenFirst={false}
            loadNational={() => loadNationalWarehouse(db, user.cccd ?? '')}
            onClose={() => setOwner(null)}
            onOpen={(_doc, file) => openBlob(() => readBytes(db, file), file.name)}
            onChoose={props.onChoose}
          />
        )}
      </Show>
    </>
  );
}
