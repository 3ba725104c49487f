/**
 * The signed-in person for the whole app: one auth client over the browser's storage and fetch,
 * mirrored into a Solid signal.
 */
import { createSignal } from 'solid-js';
import { makeAuthClient, type Session } from './auth.ts';

function withWebLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('motcua-auth-refresh', task) as Promise<T>) : task();
}

export const auth = makeAuthClient({
  baseUrl: location.origin,
  storage: localStorage,
  fetch: (input, init) => fetch(input, init),
  withLock: withWebLock,
});

const [session, setSession] = createSignal<Session | null>(auth.current());
auth.subscribe(setSession);

// Another tab signed in or out.
window.addEventListener('storage', (event) => {
  if (event.key === null || event.key === 'motcua.session') {
    const next = event.newValue ? (JSON.parse(event.newValue) as Session) : null;
    if (next?.user.id !== session()?.user.id) setSession(next);
  }
});

/** The current session, or null when signed out. */
export { session };

/** Where a person lands after signing in. */
export function homePath(role: string): string {
  return role === 'citizen' ? '/thu-tuc' : '/tiep-nhan';
}
