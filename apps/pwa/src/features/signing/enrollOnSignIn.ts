/**
 * Enrollment after sign-in, in the background: when online, the device gets (or renews) its
 * certificate; offline, it tries again when the network comes back. Failures are never thrown at
 * the shell: signing explains `not_enrolled` when it is asked for.
 */
import type { SessionUser } from '@motcua/model';
import type { AuthClient } from '../../lib/auth.ts';
import { deviceKeystore } from './deviceSigningContext.ts';
import { enrollDevice } from './enrollDevice.ts';

let running: Promise<void> | undefined;

/**
 * Starts enrollment for `user` now if online, else at the next `online` event; a failure for
 * want of network is retried at the next `online` event too.
 */
export function enrollWhenOnline(user: SessionUser, auth: Pick<AuthClient, 'getAccessToken'>): Promise<void> {
  const retryWhenOnline = () => window.addEventListener('online', () => void attempt(), { once: true });
  const attempt = (): Promise<void> => {
    const task = () =>
      enrollDevice({ userId: user.id, keystore: deviceKeystore(), baseUrl: location.origin, getAccessToken: () => auth.getAccessToken() }).then(
        () => undefined,
        (error: unknown) => {
          if ((error as { code?: string }).code === 'offline') retryWhenOnline();
        },
      );
    // One enrollment at a time across tabs.
    if (!running) {
      const locked: Promise<void> = navigator.locks
        ? navigator.locks.request('motcua-enroll', task).then(() => undefined)
        : task();
      running = locked.finally(() => {
        running = undefined;
      });
    }
    return running;
  };
  if (navigator.onLine) return attempt();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(attempt()), { once: true }));
}
