import { For, Show, createEffect } from 'solid-js';

export interface Problem {
  field: string;
  message: string;
}

/** The message for one input, if any. */
export function problemFor(problems: readonly Problem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}

/** A list of what to fix at the top of a form, each linked to its input; takes focus when it appears. */
export function ProblemSummary(props: { problems: readonly Problem[] }) {
  let box: HTMLDivElement | undefined;
  createEffect(() => {
    if (props.problems.length > 0) box?.focus();
  });
  return (
    <Show when={props.problems.length > 0}>
      <div class="alert error problem-summary" role="alert" tabindex="-1" ref={box}>
        <p>
          <strong>Vui lòng kiểm tra lại thông tin:</strong>
        </p>
        <ul>
          <For each={props.problems}>
            {(p) => (
              <li>
                <a
                  href={`#${p.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(p.field)?.focus();
                  }}
                >
                  {p.message}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
