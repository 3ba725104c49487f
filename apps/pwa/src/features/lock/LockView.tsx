import { Show } from 'solid-js';

export interface LockViewProps {
  fullName: string;
  error: string | null;
  busy: boolean;
  onUnlock: (password: string) => void;
  onLogout: () => void;
}

/** "Phiên làm việc đã khóa": asks the signed-in person's password again. */
export function LockView(props: LockViewProps) {
  let password!: HTMLInputElement;
  return (
    <main id="main" class="login">
      <div class="login-card">
        <h1>Phiên làm việc đã khóa</h1>
        <p>
          Dữ liệu của <strong>{props.fullName}</strong> trên máy này đã được khóa. Nhập mật khẩu để tiếp tục.
        </p>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onUnlock(password.value);
          }}
        >
          <div class="field">
            <label for="unlock-password">Mật khẩu</label>
            <input
              id="unlock-password"
              ref={password}
              type="password"
              autocomplete="current-password"
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'unlock-error' : undefined}
            />
          </div>
          <Show when={props.error}>
            <p id="unlock-error" class="alert error" role="alert">
              {props.error}
            </p>
          </Show>
          <button type="submit" class="button primary block" disabled={props.busy}>
            {props.busy ? 'Đang mở khóa…' : 'Mở khóa'}
          </button>
        </form>
        <p class="login-help">
          <button type="button" class="button small" onClick={props.onLogout}>
            Đăng xuất
          </button>
        </p>
      </div>
    </main>
  );
}
