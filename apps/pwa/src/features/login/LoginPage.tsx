import { Navigate, useNavigate } from '@solidjs/router';
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { AuthError } from '../../lib/auth.ts';
import { homePath, notice, session, setNotice } from '../../lib/session.ts';
import { LoginView } from './LoginView.tsx';

/**
 * "Đăng nhập": the first screen, kept tiny (no database, no model code). The sign-in that unlocks
 * the person's encrypted data (Argon2id) is loaded after the submit click.
 */
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

  async function submit(username: string, password: string, shared: boolean) {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const { signInOnDevice } = await import('../lock/signInOnDevice.ts');
      const s = await signInOnDevice({ username, password, shared });
      navigate(homePath(s.user.role), { replace: true });
    } catch (e) {
      setError(e instanceof AuthError ? e.message : 'Đăng nhập không thành công. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={!session()} fallback={<Navigate href={homePath(session()!.user.role)} />}>
      <LoginView error={error()} notice={notice()} busy={busy()} online={online()} onSubmit={submit} />
    </Show>
  );
}
