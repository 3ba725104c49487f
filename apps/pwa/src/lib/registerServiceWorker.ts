/**
 * Registers the service worker and reports when a new version is waiting. The page then shows
 * "Đã có phiên bản mới — Cập nhật"; clicking it activates the new worker and reloads.
 */
import { createSignal } from 'solid-js';
import { Workbox } from 'workbox-window';

const [updateWaiting, setUpdateWaiting] = createSignal(false);
let workbox: Workbox | null = null;

/** True when a newer version is installed and waiting for the person to accept it. */
export { updateWaiting };

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => setUpdateWaiting(true));
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) location.reload();
  });
  void workbox.register();
  // Look for a new version when the page comes back to the front, when the network returns, and
  // every hour on desk PCs that stay open all day.
  const check = () => {
    // Offline or the server away: the next check (visible again, online, hourly) tries again.
    if (navigator.onLine) void workbox?.update().catch((error: unknown) => console.warn('update check failed', error));
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.addEventListener('online', check);
  setInterval(check, 60 * 60 * 1000);
}

/** Activates the waiting worker; the page reloads once it takes control. */
export function applyUpdate(): void {
  if (workbox) workbox.messageSkipWaiting();
  else location.reload();
}
