import { Show } from 'solid-js';

export interface LoginViewProps {
  error: string | null;
  /** A message carried from elsewhere (the device was revoked), shown above the form. */
  notice?: string | null;
  busy: boolean;
  online: boolean;
  onSubmit: (username: string, password: string, shared: boolean) => void;
}

export function LoginView(props: LoginViewProps) {
  let username!: HTMLInputElement;
  let password!: HTMLInputElement;
  let shared!: HTMLInputElement;
  return (
    <main id="main" class="login">
      <div class="login-card">
        <div class="login-brand">
          <img src="/icons/icon.svg" alt="" width="48" height="48" />
          <div>
            <p class="login-app">Motcua</p>
            <p class="login-sub">Một cửa điện tử cấp xã</p>
          </div>
        </div>
        <h1>Đăng nhập</h1>
        <Show when={props.notice}>
          <p class="alert warning" role="alert">
            {props.notice}
          </p>
        </Show>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit(username.value, password.value, shared.checked);
          }}
        >
          <div class="field">
            <label for="login-username">Tên đăng nhập hoặc số CCCD</label>
            <input
              id="login-username"
              ref={username}
              name="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'login-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="login-password">Mật khẩu</label>
            <input
              id="login-password"
              ref={password}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'login-error' : undefined}
            />
          </div>
          <div class="field">
            <label style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'font-weight': 'normal' }}>
              <input
                ref={shared}
                type="checkbox"
                name="shared"
                style={{ width: '1.25rem', 'min-height': '1.25rem', height: '1.25rem', margin: '0', 'flex-shrink': '0' }}
              /> Máy dùng chung (xóa dữ liệu của tôi khỏi máy khi đăng xuất)
            </label>
          </div>
          <Show when={props.error}>
            <p id="login-error" class="alert error" role="alert">
              {props.error}
            </p>
          </Show>
          <Show when={!props.online}>
            <p class="alert warning" role="status">
              Thiết bị đang ngoại tuyến. Chỉ đăng nhập được nếu bạn đã từng đăng nhập trên máy này.
            </p>
          </Show>
          <button type="submit" class="button primary block" disabled={props.busy}>
            {props.busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
        <p class="login-help">Công dân đăng nhập bằng số CCCD (12 chữ số).</p>
        <p class="login-help">
          Chưa có tài khoản? <a href="/dang-ky">Đăng ký tài khoản</a>
        </p>
        <p class="login-help">
          <a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a> không cần đăng nhập.
        </p>
      </div>
    </main>
  );
}
