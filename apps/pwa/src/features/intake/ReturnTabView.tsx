/**
 * Tab "Hình thức nhận kết quả": where the result goes (desk, post, online) and the channels the
 * citizen wants to be told on (SMS, email, Zalo).
 */
import { For, Show } from 'solid-js';
import type { IntakeForm, IntakeProblem } from './intakeForm.ts';

export interface ReturnTabViewProps {
  returnMethod: IntakeForm['returnMethod'];
  notify: IntakeForm['notify'];
  problems: IntakeProblem[];
  onReturnMethod: (method: IntakeForm['returnMethod']) => void;
  onNotify: (channel: keyof IntakeForm['notify'], on: boolean) => void;
}

const METHODS: Array<[IntakeForm['returnMethod'], string]> = [
  ['desk', 'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả'],
  ['post', 'Nhận qua dịch vụ bưu chính công ích'],
  ['online', 'Nhận bản điện tử trực tuyến'],
];

const CHANNELS: Array<[keyof IntakeForm['notify'], string]> = [
  ['sms', 'Tin nhắn SMS'],
  ['email', 'Email'],
  ['zalo', 'Zalo'],
];

export function ReturnTabView(props: ReturnTabViewProps) {
  const problems = () => props.problems.filter((p) => p.tab === 'return');
  return (
    <div>
      <fieldset class="checks">
        <legend>Hình thức nhận kết quả</legend>
        <For each={METHODS}>
          {([value, label]) => (
            <label class="check">
              <input type="radio" name="return-method" checked={props.returnMethod === value} onChange={() => props.onReturnMethod(value)} />
              <span>{label}</span>
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="checks">
        <legend>Thông báo tình trạng hồ sơ qua</legend>
        <For each={CHANNELS}>
          {([channel, label]) => (
            <label class="check">
              <input id={`notify-${channel}`} type="checkbox" checked={props.notify[channel]} onChange={(e) => props.onNotify(channel, e.currentTarget.checked)} />
              <span>{label}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={problems().length > 0}>
        <ul class="field-error">
          <For each={problems()}>{(p) => <li>{p.message}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
