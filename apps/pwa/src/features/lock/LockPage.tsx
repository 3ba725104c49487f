/**
 * The locked session: shown when the person is signed in but their data key is not unlocked in
 * this tab (idle time, a new tab, a restarted browser). Unlocking re-derives the key.
 */
import { createSignal } from 'solid-js';
import type { SessionUser } from '@motcua/model';
import { LockView } from './LockView.tsx';

export function LockPage(props: { user: SessionUser; onLogout: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function unlock(password: string) {
    setError(null);
    setBusy(true);
    try {
      const { unlockSession } = await import('./signInOnDevice.ts');
      if (!(await unlockSession(props.user, password))) setError('Mật khẩu không đúng.');
    } catch {
      setError('Không mở khóa được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <LockView fullName={props.user.fullName} error={error()} busy={busy()} onUnlock={unlock} onLogout={props.onLogout} />
  );
}
