/**
 * What a citizen can do to their own dossier besides supplementing it: "Yêu cầu rút hồ sơ" while
 * it is still open, and, once the result is returned, rating their satisfaction (Rất hài lòng /
 * Hài lòng / Không hài lòng) with an optional comment. Both work offline.
 */
import { Show, createSignal } from 'solid-js';
import { canApply, ratingLabel, type Dossier, type RatingLevel } from '@motcua/model';
import { useDossierWriter } from './useDossierWriter.ts';
import '../processing/processing.css';

const LEVELS: RatingLevel[] = ['rat_hai_long', 'hai_long', 'khong_hai_long'];

export function CitizenActions(props: { dossier: Dossier }) {
  const writer = useDossierWriter();
  const [busy, setBusy] = createSignal(false);
  const [withdrawing, setWithdrawing] = createSignal(false);
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'error'; text: string; field?: string } | null>(null);
  const d = () => props.dossier;

  async function run(task: () => Promise<unknown>, ok: string) {
    setBusy(true);
    setMessage(null);
    try {
      await task();
      setMessage({ kind: 'ok', text: ok });
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={message()}>
        {(m) => (
          <p class={`alert ${m().kind === 'ok' ? 'ok' : 'error'}`} role={m().kind === 'ok' ? 'status' : 'alert'}>
            {m().text}
          </p>
        )}
      </Show>
      <Show when={canApply(d(), 'rate', 'citizen') && !d().rating}>
        <form
          class="panel"
          aria-labelledby="rate-title"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const level = form.get('level') as RatingLevel | null;
            if (!level) {
              setMessage({ kind: 'error', text: 'Vui lòng chọn mức độ hài lòng.' });
              return;
            }
            void run(() => writer.apply(d().id, { type: 'rate', level, comment: String(form.get('comment') ?? '') }), 'Cảm ơn bạn đã đánh giá.');
          }}
        >
          <h2 id="rate-title">Đánh giá mức độ hài lòng</h2>
          <fieldset class="checks">
            <legend>Bạn có hài lòng với việc giải quyết hồ sơ này không?</legend>
            <div class="rating-scale">
              {/* eslint-disable-next-line solid/prefer-for -- a constant list, rendered once */}
              {LEVELS.map((level) => (
                <div class="check">
                  <input type="radio" id={`rate-${level}`} name="level" value={level} />
                  <label for={`rate-${level}`}>{ratingLabel(level)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="rate-comment">Góp ý (không bắt buộc)</label>
            <textarea id="rate-comment" name="comment" maxLength={2000} />
          </div>
          <button type="submit" class="button primary" disabled={busy()}>
            Gửi đánh giá
          </button>
        </form>
      </Show>
      <Show when={canApply(d(), 'requestWithdrawal', 'citizen')}>
        <div class="actions">
          <button type="button" class="button" aria-expanded={withdrawing()} aria-controls="withdraw-form" onClick={() => setWithdrawing(!withdrawing())}>
            Yêu cầu rút hồ sơ
          </button>
        </div>
        <Show when={withdrawing()}>
          <form
            id="withdraw-form"
            class="panel"
            aria-labelledby="withdraw-title"
            onSubmit={async (e) => {
              e.preventDefault();
              const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
              if (!reason) {
                setMessage({ kind: 'error', text: 'Vui lòng nhập lý do rút hồ sơ.' });
                return;
              }
              const ok = await run(
                () => writer.apply(d().id, { type: 'requestWithdrawal', reason }),
                'Đã gửi yêu cầu rút hồ sơ. Bộ phận một cửa sẽ xác nhận.',
              );
              if (ok) setWithdrawing(false);
            }}
          >
            <h2 id="withdraw-title">Yêu cầu rút hồ sơ</h2>
            <div class="field">
              <label for="withdraw-reason">Lý do rút hồ sơ</label>
              <textarea id="withdraw-reason" name="reason" required />
            </div>
            <div class="actions">
              <button type="submit" class="button danger" disabled={busy()}>
                Gửi yêu cầu rút hồ sơ
              </button>
              <button type="button" class="button" onClick={() => setWithdrawing(false)}>
                Hủy
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </>
  );
}
