import { createSignal, type Accessor, type Setter } from 'solid-js';

export interface TaskMessage {
  kind: 'ok' | 'error';
  text: string;
}

export interface TaskRunner {
  busy: Accessor<boolean>;
  message: Accessor<TaskMessage | null>;
  setMessage: Setter<TaskMessage | null>;
  /** Runs one user action: busy while it runs, its error shown as the message. */
  run: (task: () => Promise<void>) => Promise<void>;
}

/** The busy flag and message of a screen whose buttons start asynchronous actions. */
export function createTaskRunner(): TaskRunner {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<TaskMessage | null>(null);
  async function run(task: () => Promise<void>): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      await task();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, setMessage, run };
}
