/**
 * The signed-in person for the whole app: one auth client over the browser's storage and fetch,
 * mirrored into a Solid signal.
 */
import { createSignal } from 'solid-js';
import { DEVICE_REVOKED_MESSAGE, makeAuthClient, type Session } from './auth.ts';
import { newId } from './ids.ts';

function withWebLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('motcua-auth-refresh', task) as Promise<T>) : task();
}

/** The device id of the event chain (`motcua.deviceId`, see deviceChain.ts), created if absent. */
function deviceId(): string {
  let id = localStorage.getItem('motcua.deviceId');
  if (!id) {
    id = newId();
    localStorage.setItem('motcua.deviceId', id);
  }
  return id;
}

export const auth = makeAuthClient({
  baseUrl: location.origin,
  storage: localStorage,
  fetch: (input, init) => fetch(input, init),
  withLock: withWebLock,
  deviceId,
});

const [notice, setNotice] = createSignal<string | null>(null);

/** A message for the sign-in screen (e.g. the device was revoked), or null. */
export { notice, setNotice };

// An administrator revoked this device: wipe the person's data, back to the sign-in screen.
auth.onDeviceRevoked((user) => {
  setNotice(DEVICE_REVOKED_MESSAGE);
  void import('../features/lock/wipeUserData.ts').then((m) => m.wipeUserData(user));
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
