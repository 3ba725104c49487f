import { For, Show } from 'solid-js';
import type { FieldErrors, RegisterForm } from './registerAccount.ts';

export interface RegisterViewProps {
  errors: FieldErrors;
  error: string | null;
  busy: boolean;
  done: boolean;
  onSubmit: (form: RegisterForm) => void;
}

interface Field {
  name: keyof RegisterForm;
  label: string;
  type?: string;
  autocomplete: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  placeholder?: string;
}

const FIELDS: Field[] = [
  { name: 'cccd', label: 'Số CCCD (12 chữ số)', autocomplete: 'username', inputmode: 'numeric' },
  { name: 'code', label: 'Mã kích hoạt (8 chữ số, do bộ phận một cửa cấp)', autocomplete: 'one-time-code', inputmode: 'numeric' },
  { name: 'phone', label: 'Số điện thoại', type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  { name: 'email', label: 'Thư điện tử (không bắt buộc nếu có số điện thoại)', type: 'email', autocomplete: 'email', inputmode: 'email' },
  { name: 'password', label: 'Mật khẩu (ít nhất 8 ký tự, 3 loại ký tự)', type: 'password', autocomplete: 'new-password' },
  { name: 'confirm', label: 'Nhập lại mật khẩu', type: 'password', autocomplete: 'new-password' },
];

/** "Đăng ký tài khoản": the citizen activates their account with the desk's code (props only). */
export function RegisterView(props: RegisterViewProps) {
  const inputs = {} as Record<keyof RegisterForm, HTMLInputElement>;
  const read = (): RegisterForm => Object.fromEntries(FIELDS.map((f) => [f.name, inputs[f.name].value])) as unknown as RegisterForm;
  return (
    <main id="main" class="login">
      <div class="login-card">
        <h1>Đăng ký tài khoản</h1>
        <p class="login-help">
          Mang thẻ căn cước đến bộ phận một cửa của xã, phường để được cấp mã kích hoạt; mã dùng một lần trong 7 ngày.
        </p>
        <Show
          when={!props.done}
          fallback={
            <p class="alert ok" role="status">
              Đã kích hoạt tài khoản. Thông tin tài khoản được gửi đến số điện thoại hoặc thư điện tử của bạn. <a href="/dang-nhap">Đăng nhập</a>
            </p>
          }
        >
          <form
            novalidate
            onSubmit={(e) => {
              e.preventDefault();
              props.onSubmit(read());
            }}
          >
            <For each={FIELDS}>
              {(field) => (
                <div class="field">
                  <label for={`reg-${field.name}`}>{field.label}</label>
                  <input
                    id={`reg-${field.name}`}
                    ref={(el) => (inputs[field.name] = el)}
                    name={field.name}
                    type={field.type ?? 'text'}
                    autocomplete={field.autocomplete}
                    inputmode={field.inputmode}
                    placeholder={field.placeholder}
                    aria-invalid={props.errors[field.name] ? 'true' : undefined}
                    aria-describedby={props.errors[field.name] ? `reg-${field.name}-error` : undefined}
                  />
                  <Show when={props.errors[field.name]}>
                    <p id={`reg-${field.name}-error`} class="field-error">
                      {props.errors[field.name]}
                    </p>
                  </Show>
                </div>
              )}
            </For>
            <Show when={props.error}>
              <p class="alert error" role="alert">
                {props.error}
              </p>
            </Show>
            <button type="submit" class="button primary block" disabled={props.busy}>
              {props.busy ? 'Đang gửi…' : 'Đăng ký'}
            </button>
          </form>
        </Show>
        <p class="login-help">
          Đã có tài khoản? <a href="/dang-nhap">Đăng nhập</a>
        </p>
      </div>
    </main>
  );
}
