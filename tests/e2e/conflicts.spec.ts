/**
 * Two desks of one commune, both offline, act on the same online dossier: one receives it, the
 * other rejects it. When the link returns both end with the same dossier, the losing change is in
 * "Hồ sơ có xung đột", and an officer's "Đã xem xét" clears it on every desk.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn, useServerAndBrowser, waitForServiceWorker, waitForSynced } from './helpers.ts';

const DOSSIER = 'demo-hs-001'; // Nguyễn Văn An's online birth registration at Đắk La, waiting for the desk

async function openDesk(browser: Browser, url: string): Promise<{ page: Page; setOffline: (offline: boolean) => Promise<void> }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, url, 'motcua.dakla');
  await waitForServiceWorker(page);
  await page.goto(`${url}/tiep-nhan/${DOSSIER}`);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).waitFor({ timeout: 60_000 });
  return { page, setOffline: (offline) => context.setOffline(offline) };
}

async function conflictsCount(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: /Hồ sơ có xung đột/ }).click();
  await page.getByRole('heading', { name: 'Hồ sơ có xung đột', level: 1 }).waitFor();
  const status = page.getByRole('status').filter({ hasText: 'hồ sơ cần xem xét' });
  await status.waitFor();
  return status.innerText();
}

describe('concurrent status changes made offline on two desks', () => {
  const env = useServerAndBrowser();

  it('settle on the same dossier everywhere and list the lost change until an officer reviews it', { timeout: 300_000 }, async () => {
    const a = await openDesk(env.browser, env.server.url);
    const b = await openDesk(env.browser, env.server.url);
    await a.setOffline(true);
    await b.setOffline(true);

    await a.page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await a.page.getByText('Đã tiếp nhận hồ sơ.').waitFor();
    await b.page.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await b.page.getByLabel('Lý do từ chối').fill('Tờ khai thiếu chữ ký của người yêu cầu.');
    await b.page.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    await b.page.getByText('Đã từ chối tiếp nhận hồ sơ.').waitFor();
    await a.page.getByText('Ngoại tuyến').waitFor();
    expect(await a.page.locator('.status-pending').innerText()).not.toMatch(/^0 /);

    await a.setOffline(false);
    await b.setOffline(false);
    await waitForSynced(a.page);
    await waitForSynced(b.page);

    // The state machine settles it the same way on both desks: the rejection outranks the reception.
    for (const desk of [a, b]) {
      await desk.page.goto(`${env.server.url}/tiep-nhan/${DOSSIER}`);
      await desk.page.getByText('Không được tiếp nhận').first().waitFor({ timeout: 60_000 });
      expect(await conflictsCount(desk.page)).toBe('1 hồ sơ cần xem xét');
    }

    await a.page.getByRole('link', { name: /Mở hồ sơ .* của Nguyễn Văn An/ }).click();
    const panel = a.page.getByRole('region', { name: /Hồ sơ có xung đột \(1\)/ });
    await panel.getByText(/«Được tiếp nhận».*«Không được tiếp nhận»/).waitFor();
    await panel.getByLabel('Ý kiến xử lý').fill('Đã gọi điện cho công dân, giữ nguyên từ chối.');
    await panel.getByRole('button', { name: 'Đã xem xét' }).click();
    await panel.waitFor({ state: 'detached' });
    await waitForSynced(a.page);
    expect(await conflictsCount(a.page)).toBe('0 hồ sơ cần xem xét');

    // The review reaches the other desk with the next sync, with its comment in the history.
    await b.page.reload();
    await b.page.getByRole('status', { name: 'Đồng bộ dữ liệu' }).waitFor();
    await expect.poll(() => conflictsCount(b.page), { timeout: 60_000, interval: 2_000 }).toBe('0 hồ sơ cần xem xét');
    await b.page.goto(`${env.server.url}/tiep-nhan/${DOSSIER}`);
    await b.page.getByRole('button', { name: 'Xem lịch sử cập nhật' }).click();
    await b.page.locator('#history-section').getByText('Đã gọi điện cho công dân, giữ nguyên từ chối.').waitFor({ timeout: 30_000 });
  });
});
