import { For, Show, type JSX } from 'solid-js';
import type { Dossier, DossierComponent, DossierEvent, FileMeta } from '@motcua/model';
import { formatBytes, formatDate, formatDateTime, formatGender, formatMoney } from '../../lib/format.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { eventName } from './eventNames.ts';


/** The dossier code, or what stands in for it until the server issues one. */
export function codeText(d: Dossier): string {
  if (d.code) return d.code;
  return d.status >= 2 ? 'Mã hồ sơ sẽ được cấp khi đồng bộ' : 'Chưa cấp (mã được cấp khi tiếp nhận)';
}

export interface DossierDetailsViewProps {
  dossier: Dossier;
  agencyName: string;
  files: Map<string, FileMeta>;
  events: DossierEvent[];
  fileError: string | null;
  onFile: (file: FileMeta, mode: 'open' | 'download') => void;
  /** Extra controls under each component (the desk's warehouse tools). */
  componentTools?: (component: DossierComponent) => JSX.Element;
}

export function DossierDetailsView(props: DossierDetailsViewProps) {
  const d = () => props.dossier;
  return (
    <>
      <dl class="details">
        <div>
          <dt>Mã hồ sơ</dt>
          <dd classList={{ muted: !d().code }}>{codeText(d())}</dd>
        </div>
        <div>
          <dt>Trạng thái</dt>
          <dd>
            <StatusBadge dossier={d()} />
          </dd>
        </div>
        <div>
          <dt>Thủ tục</dt>
          <dd>{d().summary}</dd>
        </div>
        <div>
          <dt>Cơ quan tiếp nhận</dt>
          <dd>{props.agencyName || '—'}</dd>
        </div>
        <div>
          <dt>Ngày nộp</dt>
          <dd>{formatDateTime(d().submittedAt)}</dd>
        </div>
        <div>
          <dt>Ngày tiếp nhận</dt>
          <dd>{formatDateTime(d().receivedAt)}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả</dt>
          <dd>{formatDate(d().dueAt)}</dd>
        </div>
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>{formatMoney(d().fee.amount)}</dd>
        </div>
      </dl>

      <Show when={d().decision}>
        {(decision) => (
          <div class={`alert ${decision().kind === 'reject' || decision().kind === 'stop' ? 'error' : 'warning'}`}>
            <p>
              <strong>
                {decision().kind === 'reject'
                  ? 'Lý do từ chối'
                  : decision().kind === 'supplement'
                    ? 'Yêu cầu bổ sung'
                    : decision().kind === 'stop'
                      ? 'Lý do dừng xử lý'
                      : 'Lý do rút hồ sơ'}
                :
              </strong>{' '}
              {decision().reason}
            </p>
            <Show when={decision().items.length > 0}>
              <p>Giấy tờ cần bổ sung:</p>
              <ul>
                <For each={decision().items}>{(item) => <li>{item}</li>}</For>
              </ul>
            </Show>
            <p class="small">
              {decision().by} — {formatDateTime(decision().at)}
            </p>
          </div>
        )}
      </Show>

      <h2>Thông tin người nộp</h2>
      <dl class="details">
        <div>
          <dt>Họ và tên</dt>
          <dd>{d().applicant.fullName}</dd>
        </div>
        <div>
          <dt>Số CCCD</dt>
          <dd>{d().applicant.cccd}</dd>
        </div>
        <div>
          <dt>Ngày sinh</dt>
          <dd>{formatDate(d().applicant.birthDate ? `${d().applicant.birthDate.slice(0, 10)}T00:00:00+07:00` : null)}</dd>
        </div>
        <div>
          <dt>Giới tính</dt>
          <dd>{formatGender(d().applicant.gender)}</dd>
        </div>
        <div>
          <dt>Số điện thoại</dt>
          <dd>{d().applicant.phone || '—'}</dd>
        </div>
        <div>
          <dt>Thư điện tử</dt>
          <dd>{d().applicant.email || '—'}</dd>
        </div>
        <div class="wide">
          <dt>Địa chỉ</dt>
          <dd>{d().applicant.address || '—'}</dd>
        </div>
      </dl>

      <h2>Thành phần hồ sơ</h2>
      <Show when={props.fileError}>
        <p class="alert error" role="alert">
          {props.fileError}
        </p>
      </Show>
      <ol class="components">
        <For each={d().components}>
          {(c) => (
            <li>
              <p class="component-name">{c.name}</p>
              <p class="muted small">
                Bản chính: {c.originals} · Bản sao: {c.copies}
                <Show when={c.reused}>
                  {' · '}
                  <span class="badge-reused">Tái sử dụng</span> (lấy từ kho dữ liệu điện tử)
                </Show>
              </p>
              <Show when={c.fileIds.length > 0} fallback={<p class="muted small">Chưa có tệp đính kèm.</p>}>
                <ul class="file-list">
                  <For each={c.fileIds}>
                    {(fileId) => {
                      const file = () => props.files.get(fileId);
                      return (
                        <li>
                          <Show when={file()} fallback={<span class="muted">Tệp chưa đồng bộ về máy</span>}>
                            {(f) => (
                              <>
                                <span class="file-name">{f().name}</span>
                                <span class="muted"> ({formatBytes(f().size)})</span>
                                <button type="button" class="link-button" aria-label={`Mở tệp ${f().name}`} onClick={() => props.onFile(f(), 'open')}>
                                  Mở tệp
                                </button>
                                <button type="button" class="link-button" aria-label={`Tải xuống ${f().name}`} onClick={() => props.onFile(f(), 'download')}>
                                  Tải xuống
                                </button>
                              </>
                            )}
                          </Show>
                        </li>
                      );
                    }}
                  </For>
                </ul>
              </Show>
              {props.componentTools?.(c)}
            </li>
          )}
        </For>
      </ol>

      <h2>Quá trình xử lý</h2>
      <Show when={props.events.length > 0} fallback={<p class="muted">Chưa có bước xử lý nào.</p>}>
        <ol class="timeline">
          <For each={props.events}>
            {(e) => (
              <li>
                <span class="timeline-time">{formatDateTime(e.at)}</span>
                <span class="timeline-what">{eventName(e.type)}</span>
                <span class="muted"> — {e.actor.name}</span>
                <Show when={e.comment}>
                  <div class="small">{e.comment}</div>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </>
  );
}
