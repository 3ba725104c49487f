/**
 * After an in-person reception: the appointment date, the dossier code as soon as the server has
 * issued it (until then, a note that it comes on sync), and the receipt to print.
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Dossier } from '@motcua/model';
import { createQuery, toPlainOne } from '../../lib/createQuery.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { SlipActions } from '../slips/SlipActions.tsx';

export interface IntakeDoneViewProps {
  dossierId: string;
  onAgain: () => void;
}

export function IntakeDoneView(props: IntakeDoneViewProps) {
  const { db } = useDatabase();
  const dossier = createQuery(() => db.dossiers.findOne(props.dossierId).$, (d) => toPlainOne<Dossier>(d));
  return (
    <Show when={dossier()} fallback={<p role="status">Đang tải…</p>}>
      {(d) => (
        <article aria-labelledby="done-title">
          <h1 id="done-title">Đã tiếp nhận hồ sơ</h1>
          <p class="alert ok" role="status">
            Đã tiếp nhận hồ sơ của {d().applicant.fullName}: {d().summary}.
          </p>
          <dl class="details">
            <div>
              <dt>Mã hồ sơ</dt>
              <dd>
                <Show
                  when={d().code}
                  fallback={
                    <span data-testid="code-pending">
                      {d().provisionalCode ? `Mã tạm ${d().provisionalCode}; mã chính thức s` : 'S'}ẽ được cấp khi đồng bộ với máy chủ.
                    </span>
                  }
                >
                  <span class="intake-code" data-testid="dossier-code">{d().code}</span>
                  <Show when={d().provisionalCode}>{(p) => <span class="muted"> (mã tạm: {p()})</span>}</Show>
                </Show>
              </dd>
            </div>
            <div>
              <dt>Ngày hẹn trả kết quả</dt>
              <dd data-testid="due-at">{formatDateTime(d().dueAt)}</dd>
            </div>
          </dl>
          <SlipActions dossier={d()} kinds={['receipt']} />
          <div class="actions">
            <A class="button" href={`/tiep-nhan/${encodeURIComponent(d().id)}`}>
              Xem hồ sơ
            </A>
            <button type="button" class="button" onClick={() => props.onAgain()}>
              Tiếp nhận hồ sơ khác
            </button>
          </div>
        </article>
      )}
    </Show>
  );
}
