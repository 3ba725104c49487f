/** The desk's "Cấp mã kích hoạt tài khoản" (route `/cap-ma-kich-hoat`, receptionists). */
import { createSignal } from 'solid-js';
import { auth } from '../../lib/session.ts';
import { ActivationView } from './ActivationView.tsx';
import { issueActivation, type Activation, type ActivationCard } from './issueActivation.ts';

export default function ActivationPage() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [issued, setIssued] = createSignal<(Activation & { cccd: string }) | null>(null);

  async function submit(card: ActivationCard) {
    setBusy(true);
    setError(null);
    setIssued(null);
    try {
      const token = await auth.getAccessToken();
      if (!token) throw new Error('Phiên đăng nhập đã hết, vui lòng đăng nhập lại.');
      setIssued({ ...(await issueActivation(card, token)), cccd: card.cccd.trim() });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return <ActivationView busy={busy()} error={error()} issued={issued()} onSubmit={(card) => void submit(card)} />;
}
