/** "Xem quy trình": the procedure's steps in order, with the step the dossier is at marked. */
import { For, Show } from 'solid-js';
import { roleLabel, type Procedure } from '@motcua/model';

export interface WorkflowViewProps {
  workflow: Procedure['workflow'];
  /** The dossier's step, −1 before processing. */
  stepIndex: number;
  /** True when the dossier's work is over (every step done). */
  finished: boolean;
}

/** Vietnamese decimal comma: 2,4. */
const num = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');
const hours = (h: number) => (h >= 8 ? `${num(h / 8)} ngày làm việc` : `${num(h)} giờ làm việc`);

export function WorkflowView(props: WorkflowViewProps) {
  const state = (i: number) =>
    i === props.stepIndex && !props.finished ? 'current' : i < props.stepIndex || props.finished ? 'done' : 'todo';
  return (
    <Show when={props.workflow.length > 0} fallback={<p class="muted">Thủ tục chưa có quy trình điện tử.</p>}>
      <ol class="workflow">
        <For each={props.workflow}>
          {(step, i) => (
            <li class={`workflow-step ${state(i())}`} aria-current={state(i()) === 'current' ? 'step' : undefined}>
              <span class="workflow-name">
                Bước {i() + 1}: {step.name}
              </span>
              <span class="muted small">
                {' '}
                — {roleLabel(step.role)} · {hours(step.hours)}
              </span>
              <Show when={state(i()) === 'current'}>
                <strong class="badge active"> Hồ sơ đang ở bước này</strong>
              </Show>
              <Show when={state(i()) === 'done'}>
                <span class="visually-hidden"> (đã xong)</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
