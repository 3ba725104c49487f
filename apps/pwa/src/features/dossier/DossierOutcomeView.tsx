/**
 * What came of the dossier, for the desk and the citizen alike: the result document (with the
 * electronic result to download), the apology's new appointment date, and the rating.
 */
import { For, Show } from 'solid-js';
import { ratingLabel, type Dossier, type FileMeta } from '@motcua/model';
import { formatDate, formatDateTime } from '../../lib/format.ts';

const RETURN_LABELS: Record<Dossier['returnMethod'], string> = {
  desk: 'Tại bộ phận một cửa',
  post: 'Qua dịch vụ bưu chính',
  online: 'Trực tuyến',
};

export interface DossierOutcomeViewProps {
  dossier: Dossier;
  files: Map<string, FileMeta>;
  onFile: (file: FileMeta, mode: 'open' | 'download') => void;
  /** Citizens see the result only once it is approved. */
  approvedOnly?: boolean;
}

export function DossierOutcomeView(props: DossierOutcomeViewProps) {
  const d = () => props.dossier;
  const result = () => (props.approvedOnly && !d().result?.issuedAt ? null : d().result);
  return (
    <>
      <Show when={d().apology}>
        {(a) => (
          <div class="alert warning">
            <p>
              <strong>Phiếu xin lỗi và hẹn lại ngày trả kết quả:</strong> ngày hẹn trả mới {formatDate(a().newDueAt)} (ngày hẹn ban đầu{' '}
              {formatDate(d().dueAt)}).
            </p>
            <p>Lý do: {a().reason}</p>
            <p class="small">
              {a().by} — {formatDateTime(a().at)}
            </p>
          </div>
        )}
      </Show>
      <Show when={result()}>
        {(r) => (
          <section class="panel" aria-labelledby="result-title">
            <h2 id="result-title">Kết quả giải quyết</h2>
            <dl class="details">
              <div>
                <dt>Tên kết quả</dt>
                <dd>{r().name}</dd>
              </div>
              <div>
                <dt>Số, ký hiệu</dt>
                <dd>{r().number || '—'}</dd>
              </div>
              <div>
                <dt>Người ký</dt>
                <dd>{r().signedBy || 'Chưa phê duyệt'}</dd>
              </div>
              <div>
                <dt>Ngày ban hành</dt>
                <dd>{formatDate(r().issuedAt)}</dd>
              </div>
              <Show when={d().status === 10}>
                <div>
                  <dt>Hình thức trả kết quả</dt>
                  <dd>{RETURN_LABELS[d().returnMethod]}</dd>
                </div>
              </Show>
            </dl>
            <ul class="file-list">
              <For each={r().fileIds}>
                {(id) => (
                  <li>
                    <Show when={props.files.get(id)} fallback={<span class="muted">Tệp kết quả chưa đồng bộ về máy</span>}>
                      {(f) => (
                        <>
                          <span class="file-name">{f().name}</span>{' '}
                          <button type="button" class="button small" onClick={() => props.onFile(f(), 'download')}>
                            Tải kết quả điện tử
                          </button>{' '}
                          <button type="button" class="link-button" aria-label={`Mở tệp ${f().name}`} onClick={() => props.onFile(f(), 'open')}>
                            Mở tệp
                          </button>
                        </>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
      <Show when={d().rating}>
        {(rating) => (
          <p class="alert info">
            <strong>Đánh giá của công dân:</strong> {ratingLabel(rating().level)}
            <Show when={rating().comment}> — “{rating().comment}”</Show>
          </p>
        )}
      </Show>
    </>
  );
}
