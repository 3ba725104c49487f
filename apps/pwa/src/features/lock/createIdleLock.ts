/**
 * Locks the session after a time with no input: the shell calls `onIdle`, which forgets the data
 * key and closes the database until the password is given again.
 */
import { onCleanup } from 'solid-js';

/** Minutes of inactivity before the session locks, by default. */
export const DEFAULT_LOCK_AFTER_MINUTES = 10;
const SETTING_KEY = 'motcua.lockAfterMinutes';
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The idle time of this device in ms: `localStorage['motcua.lockAfterMinutes']` (a device setting,
 * 1..480) or 10 minutes.
 */
export function lockAfterMs(storage: Pick<Storage, 'getItem'> = localStorage): number {
  const minutes = Number(storage.getItem(SETTING_KEY));
  const valid = Number.isFinite(minutes) && minutes >= 1 && minutes <= 480;
  return (valid ? minutes : DEFAULT_LOCK_AFTER_MINUTES) * 60_000;
}

/** Calls `onIdle` once after `idleMs` with no pointer, key, wheel or touch input; stops with the owner. */
export function createIdleLock(options: { idleMs: number; onIdle: () => void; target?: EventTarget }): void {
  const target = options.target ?? window;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(options.onIdle, options.idleMs);
  };
  for (const type of ACTIVITY) target.addEventListener(type, restart, { passive: true, capture: true });
  restart();
  onCleanup(() => {
    clearTimeout(timer);
    for (const type of ACTIVITY) target.removeEventListener(type, restart, { capture: true });
  });
}
