/**
 * "Cấp mã kích hoạt tài khoản": the desk types what the citizen's card says, and prints the code
 * the citizen activates their account with (props only).
 */
import { Show, createSignal } from 'solid-js';
import { DateInput } from '../../ui/DateInput.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Activation, ActivationCard } from './issueActivation.ts';

export interface ActivationViewProps {
  busy: boolean;
  error: string | null;
  issued: (Activation & { cccd: string }) | null;
  onSubmit: (card: ActivationCard) => void;
}

export function ActivationView(props: ActivationViewProps) {
  const [birthDate, setBirthDate] = createSignal('');
  let cccd!: HTMLInputElement;
  let fullName!: HTMLInputElement;
  return (
    <section aria-labelledby="activation-title">
      <h1 id="activation-title">Cấp mã kích hoạt tài khoản</h1>
      <p class="hint">
        Đối chiếu thẻ căn cước của công dân trước mặt, nhập thông tin trên thẻ. Mã được cấp sau khi Cơ sở dữ liệu quốc gia về dân
        cư xác nhận; công dân dùng mã một lần tại trang «Đăng ký tài khoản».
      </p>
      <form
        class="panel subform"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit({ cccd: cccd.value, fullName: fullName.value, birthDate: birthDate() });
        }}
      >
        <div class="field">
          <label for="act-cccd">Số CCCD (12 chữ số)</label>
          <input id="act-cccd" ref={cccd} inputmode="numeric" autocomplete="off" />
        </div>
        <div class="field">
          <label for="act-name">Họ và tên</label>
          <input id="act-name" ref={fullName} autocomplete="off" />
        </div>
        <div class="field">
          <label for="act-birth">Ngày sinh (dd/mm/yyyy)</label>
          <DateInput id="act-birth" value={birthDate()} autocomplete="off" onChange={setBirthDate} />
        </div>
        <Show when={props.error}>
          <p class="alert error" role="alert">
            {props.error}
          </p>
        </Show>
        <button type="submit" class="button primary" disabled={props.busy}>
          {props.busy ? 'Đang kiểm tra…' : 'Kiểm tra và cấp mã'}
        </button>
      </form>
      <Show when={props.issued}>
        {(issued) => (
          <div class="panel activation-slip" role="status">
            <h2>Mã kích hoạt tài khoản Một cửa</h2>
            <p>
              Công dân: <strong>{issued().fullName}</strong> — CCCD {issued().cccd}
            </p>
            <p class="activation-code" aria-label={`Mã kích hoạt ${issued().code.split('').join(' ')}`}>
              {issued().code}
            </p>
            <p>
              Dùng một lần tại trang «Đăng ký tài khoản», trước {formatDateTime(issued().expiresAt)}. Không đưa mã này cho người khác.
            </p>
            <button type="button" class="button" onClick={() => window.print()}>
              In phiếu
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
