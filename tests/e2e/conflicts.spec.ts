/**
 * Two desks of one commune, both offline, act on the same online dossier: one receives it, the
 * other rejects it. When the link returns, the server applies the reception that reached it first
 * and keeps the rejection as refused: both desks end with the same dossier and list the refused
 * action with its author in "Hồ sơ có xung đột"; the receptionist re-applies it on the dossier as it
 * is now, and every desk ends with the same dossier and the same history.
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

  it('settle on the same dossier everywhere, keeping the later move as refused with its author until an officer re-applies it', { timeout: 300_000 }, async () => {
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

    // The PC's reception reaches the server first; the tablet's rejection was meant for a dossier not yet received.
    await a.setOffline(false);
    await waitForSynced(a.page);
    await b.setOffline(false);
    await waitForSynced(b.page);
    // The author of the refused rejection is told at once, in the status bar.
    await b.page.getByText(/1 thay đổi bị máy chủ từ chối/).waitFor({ timeout: 30_000 });

    for (const desk of [a, b]) {
      await desk.page.goto(`${env.server.url}/tiep-nhan/${DOSSIER}`);
      await desk.page.locator('main').getByText('Được tiếp nhận').first().waitFor({ timeout: 60_000 });
      await expect.poll(() => conflictsCount(desk.page), { timeout: 60_000, interval: 2_000 }).toBe('1 hồ sơ cần xem xét');
    }

    await a.page.getByRole('link', { name: /Mở hồ sơ .* của Nguyễn Văn An/ }).click();
    const panel = a.page.getByRole('region', { name: /Hồ sơ có xung đột \(1\)/ });
    await panel.getByText('Từ chối — Phạm Thị Hoa').waitFor();
    await panel.getByText(/Lý do: .*«Được tiếp nhận»/).waitFor();
    await panel.getByLabel('Ý kiến xử lý').fill('Đã gọi điện cho công dân, vẫn từ chối vì tờ khai thiếu chữ ký.');
    await panel.getByRole('button', { name: 'Áp dụng lại' }).click();
    await panel.waitFor({ state: 'detached' });
    await a.page.locator('main').getByText('Không được tiếp nhận').first().waitFor({ timeout: 60_000 });
    await waitForSynced(a.page);
    expect(await conflictsCount(a.page)).toBe('0 hồ sơ cần xem xét');

    // The other desk gets the same dossier and the same history: the refused action stays in it.
    await b.page.reload();
    await b.page.getByRole('status', { name: 'Đồng bộ dữ liệu' }).waitFor();
    await expect.poll(() => conflictsCount(b.page), { timeout: 60_000, interval: 2_000 }).toBe('0 hồ sơ cần xem xét');
    const histories: string[] = [];
    for (const desk of [a, b]) {
      await desk.page.goto(`${env.server.url}/tiep-nhan/${DOSSIER}`);
      await desk.page.locator('main').getByText('Không được tiếp nhận').first().waitFor({ timeout: 60_000 });
      await desk.page.getByRole('button', { name: 'Xem lịch sử cập nhật' }).click();
      const history = desk.page.locator('#history-section');
      await history.getByText('Đã gọi điện cho công dân, vẫn từ chối vì tờ khai thiếu chữ ký.').waitFor({ timeout: 30_000 });
      await history.getByText(/Không được áp dụng: Hồ sơ đã chuyển sang trạng thái «Được tiếp nhận»/).waitFor();
      histories.push((await history.locator('tbody').innerText()).replace(/\s+/g, ' '));
    }
    expect(histories[1]).toBe(histories[0]);
  });
});
