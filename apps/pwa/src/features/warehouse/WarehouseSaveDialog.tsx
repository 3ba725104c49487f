/**
 * The "Lưu vào kho dữ liệu điện tử" dialog: the metadata of the 2023 digitization rules, the
 * system's proposals first (type, owner, name, issue date, issuer), then what the officer enters
 * (number/symbol, validity or permanent, scope).
 */
import { For, Show, createSignal, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { WarehouseInputError, checkWarehouseForm, type WarehouseForm } from '@motcua/model';

export interface WarehouseSaveDialogProps {
  componentName: string;
  initial: WarehouseForm;
  documentTypes: readonly string[];
  onSave: (form: WarehouseForm) => Promise<void>;
  onClose: () => void;
}

export function WarehouseSaveDialog(props: WarehouseSaveDialogProps) {
  let dialog!: HTMLDialogElement;
  const [form, setForm] = createStore<WarehouseForm>({ ...props.initial });
  const [error, setError] = createSignal<{ field: string; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(() => dialog.showModal());
  const close = () => {
    dialog.close();
    props.onClose();
  };
  const invalid = (field: string) => error()?.field === field;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    try {
      checkWarehouseForm(form);
      setBusy(true);
      await props.onSave({ ...form });
      close();
    } catch (err) {
      setError({ field: err instanceof WarehouseInputError ? err.field : '', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  const text = (field: keyof WarehouseForm, label: string, type = 'text', readonly = false) => (
    <div class="field">
      <label for={`wh-${field}`}>{label}</label>
      <input
        id={`wh-${field}`}
        type={type}
        value={String(form[field])}
        readonly={readonly}
        aria-invalid={invalid(field)}
        onInput={(e) => setForm(field, e.currentTarget.value as never)}
      />
    </div>
  );

  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="wh-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <form onSubmit={submit} novalidate>
        <h2 id="wh-title">Lưu vào kho dữ liệu điện tử</h2>
        <p class="muted small">Thành phần: {props.componentName}</p>
        <fieldset>
          <legend>Hệ thống điền sẵn (kiểm tra lại)</legend>
          <div class="field">
            <label for="wh-docTypeCode">Mã loại giấy tờ</label>
            <input id="wh-docTypeCode" list="wh-types" value={form.docTypeCode} aria-invalid={invalid('docTypeCode')}
              onInput={(e) => setForm('docTypeCode', e.currentTarget.value)} />
            <datalist id="wh-types">
              <For each={props.documentTypes}>{(t) => <option value={t} />}</For>
            </datalist>
          </div>
          {text('ownerCccd', 'Số định danh chủ giấy tờ', 'text', true)}
          {text('name', 'Tên giấy tờ')}
          {text('issuedAt', 'Ngày cấp', 'date')}
          {text('issuer', 'Cơ quan cấp')}
        </fieldset>
        <fieldset>
          <legend>Cán bộ nhập</legend>
          {text('number', 'Số, ký hiệu')}
          <div class="field checkbox">
            <input id="wh-permanent" type="checkbox" checked={form.permanent} onChange={(e) => setForm('permanent', e.currentTarget.checked)} />
            <label for="wh-permanent">Hiệu lực vĩnh viễn</label>
          </div>
          <Show when={!form.permanent}>{text('validUntil', 'Thời hạn hiệu lực (đến ngày)', 'date')}</Show>
          {text('validScope', 'Phạm vi hiệu lực')}
        </fieldset>
        <Show when={error()}>
          <p class="alert error" role="alert">{error()!.text}</p>
        </Show>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy()}>
            {busy() ? 'Đang lưu…' : 'Lưu vào kho'}
          </button>
          <button type="button" class="button" onClick={close}>Hủy</button>
        </div>
      </form>
    </dialog>
  );
}
