import { Navigate, useNavigate } from '@solidjs/router';
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { AuthError } from '../../lib/auth.ts';
import { auth, homePath, session } from '../../lib/session.ts';
import { LoginView } from './LoginView.tsx';

/** "Đăng nhập": the first screen, kept tiny (no database, no model code). */
export default function LoginPage() {
  const navigate = useNavigate();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [online, setOnline] = createSignal(navigator.onLine);

  onMount(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    onCleanup(() => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    });
  });

  async function submit(username: string, password: string) {
    setError(null);
    setBusy(true);
    try {
      const s = await auth.login(username, password);
      navigate(homePath(s.user.role), { replace: true });
    } catch (e) {
      setError(e instanceof AuthError ? e.message : 'Đăng nhập không thành công. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={!session()} fallback={<Navigate href={homePath(session()!.user.role)} />}>
      <LoginView error={error()} busy={busy()} online={online()} onSubmit={submit} />
    </Show>
  );
}
