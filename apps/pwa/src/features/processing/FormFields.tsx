/** Labelled inputs of the processing forms, each with its error message tied to it. */
import { For, Show } from 'solid-js';

interface FieldProps {
  id: string;
  label: string;
  name: string;
  error?: string | null;
  hint?: string;
}

const described = (p: FieldProps) => [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Messages(props: FieldProps) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </>
  );
}

export function TextField(props: FieldProps & { multiline?: boolean; required?: boolean; value?: string; type?: string }) {
  const common = () => ({
    id: props.id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described(props),
  });
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.multiline} fallback={<input {...common()} type={props.type ?? 'text'} value={props.value ?? ''} />}>
        <textarea {...common()} value={props.value ?? ''} />
      </Show>
      <Messages {...props} />
    </div>
  );
}

export function FileField(props: FieldProps & { multiple?: boolean; required?: boolean }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        multiple={props.multiple}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props)}
      />
      <Messages {...props} hint={props.hint ?? 'Tệp PDF, JPEG hoặc PNG. Tệp được lưu trên máy và gửi lên khi có mạng.'} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={described(props)}>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
      <Messages {...props} />
    </div>
  );
}

export function RadioField(props: FieldProps & { options: { value: string; label: string }[]; value: string }) {
  return (
    <fieldset class="checks" aria-describedby={described(props)}>
      <legend>{props.label}</legend>
      <For each={props.options}>
        {(o) => (
          <div class="check">
            <input type="radio" id={`${props.id}-${o.value}`} name={props.name} value={o.value} checked={o.value === props.value} />
            <label for={`${props.id}-${o.value}`}>{o.label}</label>
          </div>
        )}
      </For>
      <Messages {...props} />
    </fieldset>
  );
}
