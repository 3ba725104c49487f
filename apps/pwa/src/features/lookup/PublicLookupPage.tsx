/**
 * "Tra cứu hồ sơ" for anyone, without signing in: the dossier code and the applicant's CCCD give
 * the status, the current step and the appointment date, nothing more.
 */
import { A } from '@solidjs/router';
import { useSearchParams } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import '../../styles/app.css';
import { checkLookupInput, lookupDossier, type LookupResult } from './lookupDossier.ts';

export default function PublicLookupPage() {
  // The QR code on the receipt slip links here with `?ma=<code>`: the citizen only adds the CCCD.
  const [params] = useSearchParams<{ ma?: string }>();
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<LookupResult | null>(null);

  async function onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const code = String(form.get('code') ?? '');
    const cccd = String(form.get('cccd') ?? '');
    const problem = checkLookupInput(code, cccd);
    if (problem) {
      setResult({ ok: false, message: problem });
      return;
    }
    setBusy(true);
    setResult(null);
    setResult(await lookupDossier({ code, cccd }, { baseUrl: location.origin }));
    setBusy(false);
  }

  return (
    <main id="main" class="page narrow">
      <h1>Tra cứu hồ sơ</h1>
      <p>Nhập mã hồ sơ (in trên phiếu tiếp nhận và hẹn trả kết quả) và số CCCD của người nộp hồ sơ.</p>
      <form class="panel" novalidate onSubmit={onSubmit} aria-label="Tra cứu hồ sơ">
        <div class="field">
          <label for="lookup-code">Mã hồ sơ</label>
          <input id="lookup-code" name="code" value={params.ma ?? ''} required autocomplete="off" placeholder="Ví dụ: H34.29.2-260304-0001" />
        </div>
        <div class="field">
          <label for="lookup-cccd">Số CCCD của người nộp</label>
          <input id="lookup-cccd" name="cccd" required inputmode="numeric" autocomplete="off" maxLength={15} />
        </div>
        <button type="submit" class="button primary" disabled={busy()}>
          {busy() ? 'Đang tra cứu…' : 'Tra cứu'}
        </button>
      </form>
      <div aria-live="polite">
        <Show when={result()}>
          {(r) => (
            <Show
              when={r().ok && (r() as { answer: NonNullable<unknown> }).answer}
              fallback={
                <p class="alert error" role="alert">
                  {(r() as { message: string }).message}
                </p>
              }
            >
              {(() => {
                const a = (r() as Extract<LookupResult, { ok: true }>).answer;
                return (
                  <section class="panel" aria-labelledby="lookup-result-title">
                    <h2 id="lookup-result-title">Hồ sơ {a.code}</h2>
                    <dl class="details">
                      <div>
                        <dt>Trạng thái</dt>
                        <dd>{a.statusLabel}</dd>
                      </div>
                      <div>
                        <dt>Bước hiện tại</dt>
                        <dd>{a.stepName}</dd>
                      </div>
                      <div>
                        <dt>Ngày hẹn trả</dt>
                        <dd>{formatDate(a.dueAt)}</dd>
                      </div>
                    </dl>
                  </section>
                );
              })()}
            </Show>
          )}
        </Show>
      </div>
      <p>
        <A href="/dang-nhap">Đăng nhập</A>
      </p>
    </main>
  );
}
