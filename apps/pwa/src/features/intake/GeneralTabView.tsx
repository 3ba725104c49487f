/**
 * Tab "Thông tin chung": the applicant, the identity check against the population registry
 * ("Kiểm tra") and the card's QR code ("Quét mã"). Whatever fills the fields, the officer checks
 * each one against the card and corrects it.
 */
import { Match, Show, Switch, type JSX } from 'solid-js';
import type { Applicant, CccdQrData } from '@motcua/model';
import { DateInput } from '../../ui/DateInput.tsx';
import type { CheckState } from './createIdentityCheck.ts';
import type { IntakeForm, IntakeProblem } from './intakeForm.ts';
import { QrScanView } from './QrScanView.tsx';

export interface GeneralTabViewProps {
  form: IntakeForm;
  problems: IntakeProblem[];
  check: CheckState;
  onApplicant: (field: keyof Applicant, value: string) => void;
  onCard: (field: 'oldIdNumber' | 'issueDate', value: string) => void;
  onConfirm: (confirmed: boolean) => void;
  onCheck: () => void;
  onScan: (data: CccdQrData) => void;
}

const SOURCE_LABELS: Record<IntakeForm['identitySource'], string> = {
  population_registry: 'Đã đối chiếu với Cơ sở dữ liệu quốc gia về dân cư',
  vneid: 'Đã xác thực bằng VNeID',
  card_qr: 'Theo mã QR trên thẻ CCCD (chưa đối chiếu CSDLQG về dân cư)',
  card_visual: 'Theo thẻ CCCD xuất trình (chưa đối chiếu CSDLQG về dân cư)',
};

function CheckStatus(props: { state: CheckState }) {
  return (
    <Switch>
      <Match when={props.state.kind === 'checking'}>
        <p class="alert info" role="status">Đang kiểm tra với Cơ sở dữ liệu quốc gia về dân cư…</p>
      </Match>
      <Match when={props.state.kind === 'queued'}>
        <p class="alert warning" role="status">
          Đang ngoại tuyến: yêu cầu kiểm tra đã được xếp hàng và sẽ tự gửi khi có mạng. Có thể tiếp tục tiếp nhận theo thông tin trên thẻ.
        </p>
      </Match>
      <Match when={props.state.kind === 'done' && props.state}>
        {(s) => {
          const reply = () => (s() as Extract<CheckState, { kind: 'done' }>).reply;
          return (
            <Switch>
              <Match when={reply().status === 'found'}>
                <p class="alert ok" role="status">
                  Thông tin khớp với Cơ sở dữ liệu quốc gia về dân cư; biểu mẫu đã được điền. Vui lòng xác nhận hoặc sửa từng trường.
                </p>
              </Match>
              <Match when={reply().status === 'mismatch'}>
                <p class="alert error" role="status">Họ tên hoặc ngày sinh không khớp với số định danh trong Cơ sở dữ liệu quốc gia về dân cư.</p>
              </Match>
              <Match when={reply().status === 'not_found'}>
                <p class="alert error" role="status">Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư.</p>
              </Match>
              <Match when={reply().status === 'error'}>
                <p class="alert error" role="status">{(reply() as { message: string }).message}</p>
              </Match>
            </Switch>
          );
        }}
      </Match>
    </Switch>
  );
}

export function GeneralTabView(props: GeneralTabViewProps) {
  const problem = (id: string) => props.problems.find((p) => p.field === id)?.message;
  const field = (id: string, label: string, input: JSX.Element) => (
    <div class="field">
      <label for={id}>{label}</label>
      {input}
      <Show when={problem(id)}>
        <p class="field-error" id={`${id}-error`}>
          {problem(id)}
        </p>
      </Show>
    </div>
  );
  const aria = (id: string) => ({ 'aria-invalid': problem(id) ? ('true' as const) : undefined, 'aria-describedby': problem(id) ? `${id}-error` : undefined });
  const text = (name: keyof Applicant, label: string, extra: JSX.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const id = `applicant-${name}`;
    return field(
      id,
      label,
      <input id={id} type="text" {...extra} {...aria(id)} value={props.form.applicant[name] ?? ''} onInput={(e) => props.onApplicant(name, e.currentTarget.value)} />,
    );
  };

  return (
    <div>
      <fieldset class="panel">
        <legend>Kiểm tra thông tin công dân</legend>
        <div class="grid-2">
          {text('fullName', 'Họ và tên', { autocomplete: 'off' })}
          {text('cccd', 'Số CCCD / số định danh cá nhân', { inputmode: 'numeric', maxLength: 12, autocomplete: 'off' })}
          {field(
            'applicant-birthDate',
            'Ngày sinh',
            <DateInput
              id="applicant-birthDate"
              value={props.form.applicant.birthDate}
              invalid={Boolean(problem('applicant-birthDate'))}
              describedBy={problem('applicant-birthDate') ? 'applicant-birthDate-error' : undefined}
              onChange={(v) => props.onApplicant('birthDate', v)}
            />,
          )}
        </div>
        <div class="actions">
          <button type="button" class="button primary" disabled={props.check.kind === 'checking'} onClick={() => props.onCheck()}>
            Kiểm tra
          </button>
        </div>
        <CheckStatus state={props.check} />
        <QrScanView onScan={(d) => props.onScan(d)} />
      </fieldset>

      <fieldset class="panel">
        <legend>Thông tin người nộp hồ sơ</legend>
        <p class="hint">{SOURCE_LABELS[props.form.identitySource]}</p>
        <div class="grid-2">
          {field(
            'applicant-gender',
            'Giới tính',
            <select id="applicant-gender" value={props.form.applicant.gender ?? 'nam'} onChange={(e) => props.onApplicant('gender', e.currentTarget.value)}>
              <option value="nam">Nam</option>
              <option value="nu">Nữ</option>
              <option value="khac">Khác</option>
            </select>,
          )}
          {field('card-oldIdNumber', 'Số CMND cũ', <input id="card-oldIdNumber" type="text" inputmode="numeric" value={props.form.oldIdNumber} onInput={(e) => props.onCard('oldIdNumber', e.currentTarget.value)} />)}
          {field('card-issueDate', 'Ngày cấp CCCD', <DateInput id="card-issueDate" value={props.form.issueDate} onChange={(v) => props.onCard('issueDate', v)} />)}
          {text('phone', 'Số điện thoại', { type: 'tel', inputmode: 'tel', autocomplete: 'off' })}
          {text('email', 'Email', { type: 'email', autocomplete: 'off' })}
        </div>
        {text('address', 'Địa chỉ (nơi thường trú)', { autocomplete: 'off' })}
        <label class="check" for="identity-confirmed">
          <input
            id="identity-confirmed"
            type="checkbox"
            checked={props.form.confirmed}
            {...aria('identity-confirmed')}
            onChange={(e) => props.onConfirm(e.currentTarget.checked)}
          />
          <span>Đã đối chiếu từng thông tin trên với thẻ CCCD của người nộp</span>
        </label>
        <Show when={problem('identity-confirmed')}>
          <p class="field-error" id="identity-confirmed-error">{problem('identity-confirmed')}</p>
        </Show>
      </fieldset>
    </div>
  );
}
