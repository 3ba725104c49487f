/**
 * "Quét / số hóa": take several pages in a row with the camera, or pick image and PDF files;
 * rotate or trim each page; then one compressed PDF is made on the device.
 */
import { For, Show, createSignal, onMount } from 'solid-js';
import { formatBytes } from '../../lib/format.ts';
import { buildScan, type ScanPage } from './buildScan.ts';
import { createCamera } from './createCamera.ts';
import { NO_CROP } from './scanSizing.ts';

export interface ScanDialogProps {
  title: string;
  onDone: (file: File) => Promise<void> | void;
  onClose: () => void;
}

const TRIMS = [0, 0.03, 0.06, 0.1];

export function ScanDialog(props: ScanDialogProps) {
  let dialog!: HTMLDialogElement;
  let video!: HTMLVideoElement;
  const camera = createCamera();
  const [pages, setPages] = createSignal<ScanPage[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const urls = new Map<string, string>();
  onMount(() => dialog.showModal());

  const add = (source: Blob, name: string) => {
    const kind = source.type === 'application/pdf' ? 'pdf' : 'image';
    const id = crypto.randomUUID();
    if (kind === 'image') urls.set(id, URL.createObjectURL(source));
    setPages((list) => [...list, { id, source, kind, name, turns: 0, crop: NO_CROP }]);
  };
  const edit = (id: string, patch: Partial<ScanPage>) => setPages((list) => list.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  const close = () => {
    camera.stop();
    urls.forEach((u) => URL.revokeObjectURL(u));
    dialog.close();
    props.onClose();
  };

  async function finish() {
    setBusy(true);
    setMessage(null);
    try {
      const file = await buildScan(pages(), props.title);
      setMessage(`Đã tạo tệp PDF ${formatBytes(file.size)}.`);
      await props.onDone(file);
      close();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="scan-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="scan-title">Quét, số hóa: {props.title}</h2>
      <div class="scan-camera">
        <video ref={video} playsinline muted aria-label="Hình từ máy ảnh" classList={{ hidden: !camera.stream() }} />
        <div class="actions">
          <Show
            when={camera.stream()}
            fallback={<button type="button" class="button" onClick={() => camera.start(video)}>Mở máy ảnh</button>}
          >
            <button type="button" class="button primary" onClick={async () => add(await camera.capture(video), `Trang ${pages().length + 1}`)}>
              Chụp trang
            </button>
            <button type="button" class="button" onClick={() => camera.stop()}>Tắt máy ảnh</button>
          </Show>
          <label class="button file-label" for="scan-files">Chọn ảnh hoặc tệp PDF</label>
          <input
            id="scan-files"
            class="file-input"
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            multiple
            onChange={(e) => {
              for (const f of Array.from(e.currentTarget.files ?? [])) add(f, f.name);
              e.currentTarget.value = '';
            }}
          />
        </div>
        <Show when={camera.error()}>
          <p class="alert warning" role="alert">{camera.error()}</p>
        </Show>
      </div>
      <Show when={pages().length > 0} fallback={<p class="muted">Chưa có trang nào.</p>}>
        <ol class="scan-pages">
          <For each={pages()}>
            {(page, i) => (
              <li>
                <Show when={page.kind === 'image'} fallback={<span class="scan-pdf">PDF: {page.name}</span>}>
                  <img src={urls.get(page.id)} alt={`Trang ${i() + 1}`} style={{ transform: `rotate(${page.turns * 90}deg)` }} />
                </Show>
                <div class="scan-page-tools">
                  <span>Trang {i() + 1}</span>
                  <Show when={page.kind === 'image'}>
                    <button type="button" class="link-button" onClick={() => edit(page.id, { turns: (page.turns + 1) % 4 })}>
                      Xoay
                    </button>
                    <label>
                      Cắt lề{' '}
                      <select
                        value={page.crop.top}
                        onChange={(e) => {
                          const m = Number(e.currentTarget.value);
                          edit(page.id, { crop: { top: m, right: m, bottom: m, left: m } });
                        }}
                      >
                        <For each={TRIMS}>{(m) => <option value={m}>{m === 0 ? 'Không' : `${Math.round(m * 100)}%`}</option>}</For>
                      </select>
                    </label>
                  </Show>
                  <button type="button" class="link-button" onClick={() => setPages((l) => l.filter((p) => p.id !== page.id))}>
                    Bỏ trang
                  </button>
                </div>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={message()}>
        <p role="status" class="alert info">{message()}</p>
      </Show>
      <div class="actions">
        <button type="button" class="button primary" disabled={busy() || pages().length === 0} onClick={finish}>
          {busy() ? 'Đang tạo tệp…' : 'Tạo tệp PDF'}
        </button>
        <button type="button" class="button" onClick={close}>Đóng</button>
      </div>
    </dialog>
  );
}
