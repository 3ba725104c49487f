import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { Agency, Applicant, FileMeta, Procedure } from '@motcua/model';
import { formatFee, formatTimeLimit } from '../../lib/format.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { ProblemSummary, problemFor } from '../../ui/ProblemSummary.tsx';
import type { DraftForm, FormProblem } from './draftForm.ts';
import { ComponentFilesView } from './ComponentFilesView.tsx';

export interface SubmitViewProps {
  procedure: Procedure;
  agencies: Agency[];
  form: DraftForm;
  files: Map<string, FileMeta>;
  problems: FormProblem[];
  message: { kind: 'ok' | 'error'; text: string } | null;
  busy: boolean;
  isDraftSaved: boolean;
  onApplicant: (field: keyof Applicant, value: string) => void;
  onAgency: (agencyId: string) => void;
  onUpload: (componentId: string, files: File[]) => void;
  onRemoveFile: (componentId: string, fileId: string) => void;
  onSaveDraft: () => void;
  onSubmit: () => void;
  /** More ways to fill a component: from the warehouse, or uploaded and signed. */
  componentSources?: (componentId: string, componentName: string) => JSX.Element;
}


export function SubmitView(props: SubmitViewProps) {
  const problem = (field: string) => problemFor(props.problems, field);
  const text = (field: keyof Applicant, label: string, opts: { type?: string; autocomplete?: string; inputmode?: 'numeric' | 'tel' | 'email' } = {}) => {
    const id = `applicant-${field}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type={opts.type ?? 'text'}
          autocomplete={opts.autocomplete}
          inputmode={opts.inputmode}
          value={(props.form.applicant[field] as string | undefined) ?? ''}
          aria-invalid={problem(id) ? 'true' : undefined}
          aria-describedby={problem(id) ? `${id}-error` : undefined}
          onInput={(e) => props.onApplicant(field, e.currentTarget.value)}
        />
        <Show when={problem(id)}>
          <p class="field-error" id={`${id}-error`}>
            {problem(id)}
          </p>
        </Show>
      </div>
    );
  };

  return (
    <section aria-labelledby="submit-title">
      <p class="breadcrumb">
        <A href={`/thu-tuc/${encodeURIComponent(props.procedure.id)}`}>{props.procedure.name}</A>
      </p>
      <h1 id="submit-title">Nộp hồ sơ</h1>
      <p class="lead">{props.procedure.name}</p>
      <p class="muted">
        Thời hạn giải quyết: {formatTimeLimit(props.procedure.timeLimit)}
        <Show when={props.procedure.fees.length > 0}> · Phí, lệ phí: {props.procedure.fees.map(formatFee).join('; ')}</Show>
      </p>

      <ProblemSummary problems={props.problems} />

      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <fieldset class="panel">
          <legend>Thông tin người nộp</legend>
          <div class="grid-2">
            {text('fullName', 'Họ và tên', { autocomplete: 'name' })}
            {text('cccd', 'Số CCCD', { inputmode: 'numeric' })}
            <div class="field">
              <label for="applicant-birthDate">Ngày sinh</label>
              <DateInput
                id="applicant-birthDate"
                value={props.form.applicant.birthDate}
                invalid={!!problem('applicant-birthDate')}
                describedBy={problem('applicant-birthDate') ? 'applicant-birthDate-error' : 'applicant-birthDate-hint'}
                onChange={(v) => props.onApplicant('birthDate', v)}
              />
              <Show
                when={problem('applicant-birthDate')}
                fallback={
                  <p class="hint" id="applicant-birthDate-hint">
                    Nhập theo dạng ngày/tháng/năm, ví dụ 12/05/1999.
                  </p>
                }
              >
                <p class="field-error" id="applicant-birthDate-error">
                  {problem('applicant-birthDate')}
                </p>
              </Show>
            </div>
            <div class="field">
              <label for="applicant-gender">Giới tính</label>
              <select
                id="applicant-gender"
                value={props.form.applicant.gender ?? 'nam'}
                onChange={(e) => props.onApplicant('gender', e.currentTarget.value)}
              >
                <option value="nam" selected={props.form.applicant.gender === 'nam'}>
                  Nam
                </option>
                <option value="nu" selected={props.form.applicant.gender === 'nu'}>
                  Nữ
                </option>
                <option value="khac" selected={props.form.applicant.gender === 'khac'}>
                  Khác
                </option>
              </select>
            </div>
            {text('phone', 'Số điện thoại', { type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
            {text('email', 'Thư điện tử (không bắt buộc)', { type: 'email', autocomplete: 'email', inputmode: 'email' })}
          </div>
          {text('address', 'Địa chỉ thường trú', { autocomplete: 'street-address' })}
        </fieldset>

        <fieldset class="panel">
          <legend>Nơi tiếp nhận hồ sơ</legend>
          <div class="field">
            <label for="agency">Cơ quan tiếp nhận (UBND xã)</label>
            <select
              id="agency"
              value={props.form.agencyId}
              aria-invalid={problem('agency') ? 'true' : undefined}
              aria-describedby={problem('agency') ? 'agency-error' : undefined}
              onChange={(e) => props.onAgency(e.currentTarget.value)}
            >
              <option value="" selected={!props.form.agencyId}>
                — Chọn xã —
              </option>
              <For each={props.agencies}>
                {(a) => (
                  <option value={a.id} selected={a.id === props.form.agencyId}>
                    {a.name}
                  </option>
                )}
              </For>
            </select>
            <Show when={problem('agency')}>
              <p class="field-error" id="agency-error">
                {problem('agency')}
              </p>
            </Show>
          </div>
        </fieldset>

        <h2>Thành phần hồ sơ</h2>
        <p class="muted small">Chấp nhận tệp PDF, JPG, PNG; tối đa 50 MB mỗi tệp.</p>
        <For each={props.procedure.components}>
          {(c, i) => {
            const inputId = `file-${c.id}`;
            const fieldId = `component-${c.id}`;
            const fileIds = () => props.form.files[c.id] ?? [];
            return (
              <fieldset class="panel component" id={fieldId} tabindex="-1" aria-describedby={problem(fieldId) ? `${fieldId}-error` : undefined}>
                <legend>
                  {i() + 1}. {c.name}
                  <Show when={c.required}>
                    <span class="required"> (bắt buộc)</span>
                  </Show>
                </legend>
                <p class="muted small">
                  Bản chính: {c.originals} · Bản sao: {c.copies}
                  <Show when={c.note}> · {c.note}</Show>
                </p>
                <ComponentFilesView
                  inputId={inputId}
                  fileIds={fileIds()}
                  files={props.files}
                  busy={props.busy}
                  onUpload={(files) => props.onUpload(c.id, files)}
                  onRemove={(fileId) => props.onRemoveFile(c.id, fileId)}
                />
                {props.componentSources?.(c.id, c.name)}
                <Show when={problem(fieldId)}>
                  <p class="field-error" id={`${fieldId}-error`}>
                    {problem(fieldId)}
                  </p>
                </Show>
              </fieldset>
            );
          }}
        </For>

        <Show when={props.message}>
          {(m) => (
            <p class={`alert ${m().kind}`} role={m().kind === 'error' ? 'alert' : 'status'}>
              {m().text}
            </p>
          )}
        </Show>

        <div class="actions">
          <button type="button" class="button" disabled={props.busy} onClick={() => props.onSaveDraft()}>
            Lưu nháp
          </button>
          <button type="submit" class="button primary" disabled={props.busy}>
            Nộp hồ sơ
          </button>
        </div>
        <p class="muted small">Khi không có mạng, hồ sơ được lưu trên máy và tự động gửi đi khi có mạng trở lại.</p>
      </form>
    </section>
  );
}
