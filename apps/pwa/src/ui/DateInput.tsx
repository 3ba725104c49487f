import { createEffect, createSignal } from 'solid-js';
import { formatDate, parseVnDate } from '../lib/format.ts';

/** `yyyy-mm-dd` shown as `dd/mm/yyyy`, whatever the browser's locale. */
function show(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(`${iso}T12:00:00+07:00`) : iso;
}

export interface DateInputProps {
  id: string;
  value: string;
  invalid?: boolean;
  describedBy?: string;
  /** The browser's autofill hint; a birth date by default. */
  autocomplete?: string;
  /** The ISO date, or the raw text when it is not a valid date yet. */
  onChange: (value: string) => void;
}

/** A date typed as dd/mm/yyyy (the native date picker shows the browser's locale instead). */
export function DateInput(props: DateInputProps) {
  const [text, setText] = createSignal(show(props.value));
  createEffect(() => {
    const iso = props.value;
    if (parseVnDate(text()) !== iso) setText(show(iso));
  });
  return (
    <input
      id={props.id}
      type="text"
      inputmode="numeric"
      placeholder="dd/mm/yyyy"
      autocomplete={props.autocomplete ?? 'bday'}
      value={text()}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      onInput={(e) => {
        const raw = e.currentTarget.value;
        setText(raw);
        props.onChange(parseVnDate(raw) ?? raw);
      }}
    />
  );
}
