/**
 * Tab "Lệ phí": the fee lines of the procedure for in-person filing, computed from the catalog per
 * copy and per page, and how it is paid: "Đã thu tiền mặt" or "Chờ thanh toán trực tuyến".
 */
import { For, Show } from 'solid-js';
import type { FeeLine } from '@motcua/model';
import { formatMoney } from '../../lib/format.ts';
import type { IntakeForm, IntakeProblem } from './intakeForm.ts';

export interface FeeTabViewProps {
  lines: FeeLine[];
  fee: IntakeForm['fee'];
  /** The procedure charges per copy / per page: show those inputs. */
  perCopy: boolean;
  perPage: boolean;
  /** What the same request costs online, when it differs (shown for information). */
  onlineTotal: number | null;
  problems: IntakeProblem[];
  onChange: (patch: Partial<IntakeForm['fee']>) => void;
}

export function FeeTabView(props: FeeTabViewProps) {
  const total = () => props.lines.reduce((s, l) => s + l.amount, 0);
  const problem = (id: string) => props.problems.find((p) => p.field === id)?.message;
  const number = (id: 'fee-copies' | 'fee-pages', label: string, value: number, key: 'copies' | 'pages') => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="number" min="1" max="999" inputmode="numeric" value={value} aria-invalid={problem(id) ? 'true' : undefined}
        onInput={(e) => props.onChange({ [key]: Math.trunc(Number(e.currentTarget.value) || 0) })} />
      <Show when={problem(id)}>
        <p class="field-error">{problem(id)}</p>
      </Show>
    </div>
  );
  return (
    <div>
      <div class="grid-2">
        <Show when={props.perCopy || props.perPage}>{number('fee-copies', 'Số bản yêu cầu', props.fee.copies, 'copies')}</Show>
        <Show when={props.perPage}>{number('fee-pages', 'Số trang mỗi bản', props.fee.pages, 'pages')}</Show>
      </div>
      <div class="table-wrap">
        <table class="table">
          <caption class="label">Phí, lệ phí (nộp trực tiếp)</caption>
          <thead>
            <tr>
              <th scope="col">Khoản thu</th>
              <th scope="col">Số tiền</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.lines} fallback={<tr><td colspan="2">Thủ tục này không thu phí, lệ phí.</td></tr>}>
              {(line) => (
                <tr>
                  <td>{line.name}</td>
                  <td>{formatMoney(line.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Tổng cộng</th>
              <td>
                <strong data-testid="fee-total">{formatMoney(total())}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Show when={props.onlineTotal !== null && props.onlineTotal !== total()}>
        <p class="hint">Nếu nộp trực tuyến: {formatMoney(props.onlineTotal ?? 0)}.</p>
      </Show>
      <Show when={total() > 0}>
        <fieldset class="checks">
          <legend>Hình thức thu</legend>
          <label class="check">
            <input type="radio" name="fee-paid" checked={props.fee.paid === 'cash'} onChange={() => props.onChange({ paid: 'cash' })} />
            <span>Đã thu tiền mặt</span>
          </label>
          <label class="check">
            <input type="radio" name="fee-paid" checked={props.fee.paid === 'pending'} onChange={() => props.onChange({ paid: 'pending' })} />
            <span>Chờ thanh toán trực tuyến</span>
          </label>
        </fieldset>
      </Show>
    </div>
  );
}
