import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Agency, Procedure } from '@motcua/model';
import { formatFee, formatLevel, formatTimeLimit } from '../../lib/format.ts';

export interface ProcedureViewProps {
  procedure: Procedure;
  agencies: Agency[];
  canSubmit: boolean;
}

export function ProcedureView(props: ProcedureViewProps) {
  const p = () => props.procedure;
  return (
    <article aria-labelledby="procedure-title">
      <p class="breadcrumb">
        <A href="/thu-tuc">Thủ tục hành chính</A> › {p().field.name}
      </p>
      <h1 id="procedure-title">{p().name}</h1>
      <Show when={props.canSubmit}>
        <p>
          <A class="button primary" href={`/nop-ho-so/${encodeURIComponent(p().id)}`}>
            Nộp hồ sơ
          </A>
        </p>
      </Show>
      <dl class="details">
        <div>
          <dt>Mã thủ tục</dt>
          <dd>{p().id}</dd>
        </div>
        <div>
          <dt>Lĩnh vực</dt>
          <dd>{p().field.name}</dd>
        </div>
        <div>
          <dt>Mức độ dịch vụ công trực tuyến</dt>
          <dd>{formatLevel(p().level)}</dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{formatTimeLimit(p().timeLimit)}</dd>
        </div>
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>
            <Show when={p().fees.length > 0} fallback="Miễn phí">
              <ul class="plain">
                <For each={p().fees}>
                  {(fee) => (
                    <li>
                      {fee.name}: {formatFee(fee)}
                      <Show when={fee.note}>
                        <span class="muted"> — {fee.note}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Cơ quan thực hiện</dt>
          <dd>
            <Show when={props.agencies.length > 0} fallback="UBND cấp xã">
              {props.agencies.map((a) => a.name).join('; ')}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Kết quả thực hiện</dt>
          <dd>{p().resultName}</dd>
        </div>
      </dl>

      <h2>Thành phần hồ sơ</h2>
      <div class="table-wrap">
        <table class="table stack">
          <caption class="visually-hidden">Thành phần hồ sơ của thủ tục {p().name}</caption>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Tên giấy tờ</th>
              <th scope="col">Bản chính</th>
              <th scope="col">Bản sao</th>
              <th scope="col">Bắt buộc</th>
            </tr>
          </thead>
          <tbody>
            <For each={p().components}>
              {(c, i) => (
                <tr>
                  <td data-label="STT">{i() + 1}</td>
                  <td data-label="Tên giấy tờ">
                    {c.name}
                    <Show when={c.note}>
                      <div class="muted small">{c.note}</div>
                    </Show>
                  </td>
                  <td data-label="Bản chính">{c.originals}</td>
                  <td data-label="Bản sao">{c.copies}</td>
                  <td data-label="Bắt buộc">{c.required ? 'Có' : 'Không'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>

      <h2>Căn cứ pháp lý</h2>
      <p class="prewrap">{p().legalBasis || '—'}</p>
    </article>
  );
}
