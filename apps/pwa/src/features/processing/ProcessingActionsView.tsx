/**
 * The workflow buttons of an officer's dossier screen and their forms: "Chuyển bước", "Trả lại
 * bước trước", "Tải lên kết quả", "Phê duyệt kết quả", "Trả kết quả", "Xác nhận rút hồ sơ",
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Dừng xử lý". Props only; the page runs them.
 */
import { For, Match, Show, Switch, createSignal } from 'solid-js';
import { StaleFormNotice } from '../../ui/StaleFormNotice.tsx';
import { FileField, RadioField, SelectField, TextField } from './FormFields.tsx';

export type ProcessingKind = 'forward' | 'back' | 'result' | 'approve' | 'return' | 'withdraw' | 'apology' | 'stop';

export type ProcessingOutcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; field: string | null };

const BUTTONS: Record<ProcessingKind, { label: string; tone: string }> = {
  forward: { label: 'Chuyển bước', tone: 'primary' },
  approve: { label: 'Phê duyệt kết quả', tone: 'primary' },
  return: { label: 'Trả kết quả', tone: 'primary' },
  withdraw: { label: 'Xác nhận rút hồ sơ', tone: 'primary' },
  result: { label: 'Tải lên kết quả', tone: '' },
  back: { label: 'Trả lại bước trước', tone: '' },
  apology: { label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', tone: '' },
  stop: { label: 'Dừng xử lý', tone: 'danger' },
};

export const RETURN_METHODS = [
  { value: 'desk', label: 'Tại bộ phận một cửa' },
  { value: 'post', label: 'Qua dịch vụ bưu chính' },
  { value: 'online', label: 'Trực tuyến' },
];

export interface ProcessingActionsViewProps {
  available: Record<ProcessingKind, boolean>;
  /** The step "Chuyển bước" leads to. */
  nextStepName: string | null;
  /** Earlier steps "Trả lại bước trước" may go back to. */
  earlierSteps: { index: number; name: string }[];
  resultName: string;
  returnMethod: string;
  busy: boolean;
  outcome: ProcessingOutcome | null;
  /** Resolves true when done, so the form closes. */
  onSubmit: (kind: ProcessingKind, form: FormData) => Promise<boolean>;
}

export function ProcessingActionsView(props: ProcessingActionsViewProps) {
  const [open, setOpen] = createSignal<ProcessingKind | null>(null);
  const kinds = () => (Object.keys(BUTTONS) as ProcessingKind[]).filter((k) => props.available[k]);
  const error = (field: string) => (props.outcome?.kind === 'error' && props.outcome.field === field ? props.outcome.text : null);
  const submit = (kind: ProcessingKind) => async (e: SubmitEvent) => {
    e.preventDefault();
    if (await props.onSubmit(kind, new FormData(e.currentTarget as HTMLFormElement))) setOpen(null);
  };
  const Buttons = (p: { kind: ProcessingKind; submit: string }) => (
    <div class="actions">
      <button type="submit" class={`button ${BUTTONS[p.kind].tone}`} disabled={props.busy || !props.available[p.kind]}>
        {p.submit}
      </button>
      <button type="button" class="button" onClick={() => setOpen(null)}>
        Hủy
      </button>
    </div>
  );
  // An open form stays as typed while the dossier changes under it: only its officer closes it. So
  // nothing reactive is read in the arguments (Switch would make the forms anew when it changed).
  const form = (kind: ProcessingKind, title: () => string, body: () => unknown, submitLabel: string) => (
    <Match when={open() === kind}>
      <form id={`form-${kind}`} class="subform" novalidate onSubmit={submit(kind)} aria-labelledby={`form-${kind}-title`}>
        <h2 id={`form-${kind}-title`}>{title()}</h2>
        <StaleFormNotice when={!props.available[kind]} />
        {body() as never}
        <Buttons kind={kind} submit={submitLabel} />
      </form>
    </Match>
  );

  return (
    <Show when={kinds().length > 0 || props.outcome || open()}>
      <section class="panel actions-panel" aria-label="Xử lý hồ sơ theo quy trình">
        <Show when={props.outcome && (props.outcome.kind === 'ok' || !props.outcome.field)}>
          <p class={`alert ${props.outcome!.kind === 'ok' ? 'ok' : 'error'}`} role={props.outcome!.kind === 'ok' ? 'status' : 'alert'}>
            {props.outcome!.text}
          </p>
        </Show>
        <Show when={kinds().length > 0}>
          <div class="actions">
            <For each={kinds()}>
              {(kind) => (
                <button
                  type="button"
                  class={`button ${BUTTONS[kind].tone}`}
                  aria-expanded={open() === kind}
                  aria-controls={`form-${kind}`}
                  onClick={() => setOpen(open() === kind ? null : kind)}
                >
                  {BUTTONS[kind].label}
                </button>
              )}
            </For>
          </div>
        </Show>
        <Switch>
          {form('forward', () => `Chuyển bước: ${props.nextStepName ?? ''}`, () => (
            <>
              <TextField id="forward-text" name="text" label="Ý kiến xử lý" multiline required error={error('text')} />
              <FileField id="forward-files" name="files" label="Tệp đính kèm (không bắt buộc)" multiple error={error('files')} />
            </>
          ), 'Chuyển bước')}
          {form('back', () => 'Trả lại bước trước', () => (
            <>
              <SelectField
                id="back-step"
                name="step"
                label="Trả lại về bước"
                options={props.earlierSteps.map((s) => ({ value: String(s.index), label: `Bước ${s.index + 1}: ${s.name}` })).reverse()}
                error={error('step')}
              />
              <TextField id="back-text" name="text" label="Lý do trả lại" multiline required error={error('text')} />
              <FileField id="back-files" name="files" label="Tệp đính kèm (không bắt buộc)" multiple error={error('files')} />
            </>
          ), 'Trả lại')}
          {form('result', () => 'Tải lên kết quả giải quyết', () => (
            <>
              <TextField id="result-name" name="name" label="Tên kết quả" value={props.resultName} required error={error('name')} />
              <TextField id="result-number" name="number" label="Số, ký hiệu (nếu có)" />
              <FileField id="result-files" name="files" label="Tệp kết quả" required error={error('files')} />
            </>
          ), 'Lưu kết quả')}
          {form('approve', () => 'Phê duyệt kết quả', () => (
            <TextField id="approve-text" name="text" label="Ý kiến phê duyệt (không bắt buộc)" multiline error={error('text')} />
          ), 'Phê duyệt')}
          {form('return', () => 'Trả kết quả cho công dân', () => (
            <RadioField id="return-method" name="method" label="Hình thức trả kết quả" options={RETURN_METHODS} value={props.returnMethod} />
          ), 'Xác nhận đã trả kết quả')}
          {form('withdraw', () => 'Xác nhận rút hồ sơ', () => (
            <TextField id="withdraw-text" name="text" label="Ý kiến (không bắt buộc)" multiline />
          ), 'Xác nhận rút hồ sơ')}
          {form('apology', () => 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', () => (
            <>
              <TextField id="apology-text" name="text" label="Lý do chậm trả kết quả" multiline required error={error('text')} />
              <TextField id="apology-date" name="date" type="date" label="Ngày hẹn trả mới" required error={error('date')} />
            </>
          ), 'Lưu phiếu xin lỗi')}
          {form('stop', () => 'Dừng xử lý hồ sơ', () => (
            <TextField id="stop-text" name="text" label="Lý do dừng xử lý" multiline required error={error('text')} />
          ), 'Xác nhận dừng xử lý')}
        </Switch>
      </section>
    </Show>
  );
}
