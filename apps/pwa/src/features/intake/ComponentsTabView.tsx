/**
 * Tab "Thành phần hồ sơ": each component of the procedure, with the paper received ("Đã nhận bản
 * giấy") and how many originals and copies.
 */
import { For, Show } from 'solid-js';
import type { IntakeForm, IntakeProblem } from './intakeForm.ts';

export interface ComponentsTabViewProps {
  components: IntakeForm['components'];
  problems: IntakeProblem[];
  onChange: (id: string, patch: Partial<Pick<IntakeForm['components'][number], 'paperReceived' | 'originals' | 'copies'>>) => void;
}

export function ComponentsTabView(props: ComponentsTabViewProps) {
  const count = (v: string) => Math.max(0, Math.min(99, Math.trunc(Number(v) || 0)));
  return (
    <ol class="components">
      <For each={props.components}>
        {(c) => {
          const id = `component-${c.id}`;
          const problem = () => props.problems.find((p) => p.field === id)?.message;
          return (
            <li>
              <p class="component-name">
                {c.name} <Show when={c.required}><span class="required">(bắt buộc)</span></Show>
              </p>
              <label class="check" for={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={c.paperReceived}
                  aria-invalid={problem() ? 'true' : undefined}
                  aria-describedby={problem() ? `${id}-error` : undefined}
                  onChange={(e) => props.onChange(c.id, { paperReceived: e.currentTarget.checked })}
                />
                <span>Đã nhận bản giấy</span>
              </label>
              <div class="count-row">
                <div class="field">
                  <label for={`${id}-originals`}>Bản chính</label>
                  <input id={`${id}-originals`} type="number" min="0" max="99" inputmode="numeric" value={c.originals} onInput={(e) => props.onChange(c.id, { originals: count(e.currentTarget.value) })} />
                </div>
                <div class="field">
                  <label for={`${id}-copies`}>Bản sao</label>
                  <input id={`${id}-copies`} type="number" min="0" max="99" inputmode="numeric" value={c.copies} onInput={(e) => props.onChange(c.id, { copies: count(e.currentTarget.value) })} />
                </div>
              </div>
              <Show when={problem()}>
                <p class="field-error" id={`${id}-error`}>{problem()}</p>
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
