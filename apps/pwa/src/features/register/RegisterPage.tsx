import { createSignal } from 'solid-js';
import { checkRegisterForm, registerAccount, type FieldErrors, type RegisterForm } from './registerAccount.ts';
import { RegisterView } from './RegisterView.tsx';

/** "Đăng ký tài khoản" (route `/dang-ky`, loaded on demand): a citizen creates their account online. */
export default function RegisterPage() {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);

  async function submit(form: RegisterForm) {
    setError(null);
    const found = checkRegisterForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await registerAccount(form);
      setDone(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Không đăng ký được, vui lòng thử lại');
    } finally {
      setBusy(false);
    }
  }

  return <RegisterView errors={errors()} error={error()} busy={busy()} done={done()} onSubmit={submit} />;
}
