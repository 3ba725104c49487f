/**
 * Whether the signed-in person's data is unlocked in this tab: their data key, in the tab's
 * `sessionStorage` so that a reload (even offline) does not ask for the password again.
 *
 * @remarks Locking (idle time), signing out and revocation remove it; a new tab or a restarted
 * browser starts locked and asks for the password, which unwraps the key again. The key never goes
 * to `localStorage` or IndexedDB, where only the wrapped form is kept.
 */
import { createSignal } from 'solid-js';

export interface Unlocked {
  userId: string;
  /** The data key, hex (the database's encryption password). */
  key: string;
}

const UNLOCKED_KEY = 'motcua.unlocked';

function read(): Unlocked | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(UNLOCKED_KEY) ?? 'null') as Partial<Unlocked> | null;
    return parsed && typeof parsed.userId === 'string' && typeof parsed.key === 'string'
      ? { userId: parsed.userId, key: parsed.key }
      : null;
  } catch {
    return null;
  }
}

const [unlocked, setUnlockedSignal] = createSignal<Unlocked | null>(read());

/** The unlocked data key of this tab, or null when locked. */
export { unlocked };

/** Keeps the data key for this tab (after a sign-in or an unlock). */
export function setUnlocked(value: Unlocked): void {
  sessionStorage.setItem(UNLOCKED_KEY, JSON.stringify(value));
  setUnlockedSignal(value);
}

/** Forgets the data key: the session is locked until the password is given again. */
export function lock(): void {
  sessionStorage.removeItem(UNLOCKED_KEY);
  setUnlockedSignal(null);
}

const [unlocking, setUnlockingSignal] = createSignal(false);

/** True while a sign-in derives the key (the shell shows a wait, not the lock screen). */
export { unlocking };

/** Marks a sign-in in progress (set before the server answers, cleared when the key is ready). */
export function setUnlocking(value: boolean): void {
  setUnlockingSignal(value);
}
