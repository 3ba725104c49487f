import type { Page } from 'playwright-core';

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
  await page.getByText('0 thay đổi chờ đồng bộ').waitFor({ timeout });
}

/** Waits until the page is controlled by the service worker, so it can reload with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
}
