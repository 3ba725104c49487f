import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { startBuiltServer, type RunningServer } from '../helpers/built-server.ts';

export const DEMO_PASSWORD = 'Demo@2026';

/** Signs in through the login screen and waits for the signed-in frame. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập hoặc số CCCD').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('status', { name: 'Đồng bộ dữ liệu' }).waitFor();
}

/** Waits until the status bar says nothing is waiting to sync. */
export async function waitForSynced(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.getByText('0 thay đổi chờ đồng bộ').waitFor({ timeout });
  } catch (error) {
    // Say what the status bar showed instead: an error, a refusal or a count that never fell.
    const bar = await page.getByRole('status', { name: 'Đồng bộ dữ liệu' }).textContent({ timeout: 1000 }).catch(() => '(no status bar)');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nStatus bar: ${(bar ?? '').replace(/\s+/g, ' ')}`);
  }
}

/** Waits until the page is controlled by the service worker, so it can reload with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
}

/**
 * The built server (fresh demo data) and one Chromium for the specs of a `describe`: started before
 * them, stopped after. Read `env.server` and `env.browser` inside the specs.
 */
export function useServerAndBrowser(chromiumArgs: string[] = []): { readonly server: RunningServer; readonly browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startBuiltServer();
    env.browser = await launchChromium(chromiumArgs);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
