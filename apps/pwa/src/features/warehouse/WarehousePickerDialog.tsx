/**
 * "Chọn tệp từ kho dữ liệu" / "Lấy giấy tờ từ kho dữ liệu điện tử": the owner's documents in the
 * tabs "Kho cá nhân" and "Kho QG", searchable by name. When `mustOpenFirst`, a document can only
 * be chosen after it was opened and checked (the officer's rule at reception).
 */
import { For, Show, createMemo, createSignal, onMount, type JSX } from 'solid-js';
import { isStillValid, matchesQuery, validityText, type FileMeta, type WarehouseDocument } from '@motcua/model';
import { formatDate } from '../../lib/format.ts';

/** The national agency: documents it issued show in the "Kho QG" tab. */
export const NATIONAL_AGENCY_PREFIX = '000.00.00.G';

export interface WarehousePickerDialogProps {
  title: string;
  documents: readonly WarehouseDocument[];
  files: ReadonlyMap<string, FileMeta>;
  notice: string | null;
  mustOpenFirst: boolean;
  onOpen: (doc: WarehouseDocument, file: FileMeta) => Promise<void>;
  onChoose: (doc: WarehouseDocument, file: FileMeta) => Promise<void>;
  onClose: () => void;
  /** The national warehouse, read when the "Kho QG" tab is first opened (online only). */
  loadNational?: () => Promise<{ documents: readonly WarehouseDocument[]; files: ReadonlyMap<string, FileMeta>; notice: string | null }>;
  /** The signature check of a file, shown once the document was opened. */
  signature?: (file: FileMeta) => JSX.Element;
}

export function WarehousePickerDialog(props: WarehousePickerDialogProps) {
  let dialog!: HTMLDialogElement;
  const [tab, setTab] = createSignal<'personal' | 'national'>('personal');
  const [query, setQuery] = createSignal('');
  const [opened, setOpened] = createSignal<ReadonlySet<string>>(new Set());
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const now = new Date();
  onMount(() => dialog.showModal());
  const close = () => {
    dialog.close();
    props.onClose();
  };

  const [national, setNational] = createSignal<Awaited<ReturnType<NonNullable<WarehousePickerDialogProps['loadNational']>>> | null>(null);
  const fileOf = (doc: WarehouseDocument) => props.files.get(doc.fileId) ?? national()?.files.get(doc.fileId);
  const notice = () => (tab() === 'national' && national()?.notice) || props.notice;
  const openTab = (id: 'personal' | 'national') => {
    setTab(id);
    if (id === 'national' && props.loadNational && !national()) void props.loadNational().then(setNational);
  };

  const shown = createMemo(() => {
    const here = props.documents.filter((d) => d.agencyId.startsWith(NATIONAL_AGENCY_PREFIX) === (tab() === 'national'));
    const known = new Set(props.documents.map((d) => d.id));
    const listed = tab() === 'national' ? [...here, ...(national()?.documents ?? []).filter((d) => !known.has(d.id))] : here;
    return listed.filter((d) => !query().trim() || matchesQuery(d.name, query()));
  });

  async function act(task: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await task();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const tabButton = (id: 'personal' | 'national', label: string) => (
    <button type="button" role="tab" id={`tab-${id}`} aria-selected={tab() === id} aria-controls="wh-list" class="tab" onClick={() => openTab(id)}>
      {label}
    </button>
  );

  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="picker-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="picker-title">{props.title}</h2>
      <div role="tablist" aria-label="Nguồn giấy tờ" class="tabs">
        {tabButton('personal', 'Kho cá nhân')}
        {tabButton('national', 'Kho QG')}
      </div>
      <div class="field">
        <label for="picker-search">Tìm theo tên giấy tờ</label>
        <input id="picker-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <Show when={notice()}>
        <p class="alert warning small">{notice()}</p>
      </Show>
      <div id="wh-list" role="tabpanel" aria-labelledby={`tab-${tab()}`}>
        <Show when={shown().length > 0} fallback={<p class="muted">Không tìm thấy dữ liệu.</p>}>
          <ul class="picker-list">
            <For each={shown()}>
              {(doc) => {
                const file = () => fileOf(doc);
                const valid = () => isStillValid(doc, now);
                return (
                  <li classList={{ expired: !valid() }}>
                    <p class="component-name">{doc.name}</p>
                    <p class="small">
                      Số, ký hiệu: {doc.number || '—'} · Cơ quan cấp: {doc.issuer || '—'} · Ngày cấp: {doc.issuedAt ? formatDate(`${doc.issuedAt}T00:00:00+07:00`) : '—'}
                    </p>
                    <p class="small">
                      <span classList={{ 'badge-expired': !valid() }}>{validityText(doc, now)}</span> · {doc.kind === 'result' ? 'Kết quả giải quyết' : 'Giấy tờ số hóa'}
                    </p>
                    <div class="actions">
                      <button type="button" class="button small" disabled={!file() || busy()}
                        onClick={() => act(async () => {
                          await props.onOpen(doc, file()!);
                          setOpened((s) => new Set([...s, doc.id]));
                        })}>
                        Mở để kiểm tra
                      </button>
                      <button type="button" class="button small primary" aria-label={`Dùng giấy tờ ${doc.name}`}
                        disabled={!file() || !valid() || busy() || (props.mustOpenFirst && !opened().has(doc.id))}
                        onClick={() => act(async () => {
                          await props.onChoose(doc, file()!);
                          close();
                        })}>
                        Dùng giấy tờ này
                      </button>
                    </div>
                    <Show when={opened().has(doc.id) && file()?.mime === 'application/pdf' && props.signature}>
                      {props.signature!(file()!)}
                    </Show>
                    <Show when={props.mustOpenFirst && !opened().has(doc.id)}>
                      <p class="muted small">Mở và kiểm tra giấy tờ trước khi dùng lại.</p>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </Show>
      </div>
      <Show when={error()}>
        <p class="alert error" role="alert">{error()}</p>
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={close}>Đóng</button>
      </div>
    </dialog>
  );
}
