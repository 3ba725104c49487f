import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { startBuiltServer, type RunningServer } from '../helpers/built-server.ts';
import { tinyPdf } from './fixtures/files.ts';
import { DEMO_PASSWORD, signIn, waitForServiceWorker, waitForSynced } from './helpers.ts';

const DOSSIER_CODE = /H34\.29\.2-\d{6}-\d{4}/;
const PROCEDURE = 'Cấp Giấy xác nhận tình trạng hôn nhân';

describe('a citizen submits offline; the desk receives it after sync', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps the app and the dossier through an offline reload, then delivers the code', async () => {
    const citizen = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    const page = await citizen.newPage();
    await signIn(page, server.url, '062099000123');
    await page.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();
    await page.getByRole('link', { name: PROCEDURE }).waitFor();
    await waitForServiceWorker(page);
    await waitForSynced(page);

    // The link drops: the server is gone and the browser reports no network.
    const { port, dataDir } = { port: Number(new URL(server.url).port), dataDir: server.dataDir };
    await server.stop({ keepData: true });
    await citizen.setOffline(true);
    await page.getByText('Ngoại tuyến').first().waitFor();

    await page.getByLabel('Tìm thủ tục').fill('xac nhan tinh trang hon nhan');
    await page.getByRole('link', { name: PROCEDURE }).click();
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Nộp hồ sơ' }).waitFor();
    await page.getByLabel('Cơ quan tiếp nhận (UBND xã)').selectOption({ label: 'UBND xã Đắk La' });
    const required = page.locator('fieldset.component', { hasText: '(bắt buộc)' });
    const count = await required.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await required.nth(i).locator('input[type=file]').setInputFiles({
        name: `giay-to-${i + 1}.pdf`,
        mimeType: 'application/pdf',
        buffer: tinyPdf(`component ${i + 1}`),
      });
      await required.nth(i).getByText(`giay-to-${i + 1}.pdf`).waitFor();
    }
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Mới đăng ký').first().waitFor();

    // Still offline: a reload brings back the app, the session and the submitted dossier.
    await page.reload();
    await page.getByRole('status', { name: 'Đồng bộ dữ liệu' }).waitFor();
    // …and still says when it last reached the server.
    await page.getByText(/Đồng bộ lần cuối: \d{2}\/\d{2}\/\d{4}/).waitFor();
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await page.getByRole('cell', { name: PROCEDURE }).first().waitFor();
    // The dossier, its history event, and each file's record and bytes wait for the link.
    const waitingText = `${2 + 2 * count} thay đổi chờ đồng bộ`;
    await page.getByText(waitingText).waitFor();

    // A second tab of the app says the same: only one tab replicates, and it tells the others.
    const second = await citizen.newPage();
    await second.goto(`${server.url}/ho-so-cua-toi`);
    await second.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await second.getByRole('button', { name: 'Mở khóa' }).click();
    await second.getByText(waitingText).waitFor();

    // The link comes back: the same server, the same data.
    server = await startBuiltServer({ port, dataDir });
    await citizen.setOffline(false);
    await waitForSynced(page, 90_000);
    await waitForSynced(second);
    await second.getByText('Trực tuyến').first().waitFor();

    // The receptionist of Đắk La receives it in another browser.
    const desk = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    const deskPage = await desk.newPage();
    await signIn(deskPage, server.url, 'motcua.dakla');
    await deskPage.getByRole('heading', { name: 'Hồ sơ chờ tiếp nhận' }).waitFor();
    const row = deskPage.getByRole('row').filter({ hasText: 'Nguyễn Văn An' }).filter({ hasText: PROCEDURE });
    await row.first().getByRole('link').click();
    await deskPage.getByText('giay-to-1.pdf').first().waitFor();
    await deskPage.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await deskPage.getByText(DOSSIER_CODE).first().waitFor({ timeout: 60_000 });
    const code = (await deskPage.getByText(DOSSIER_CODE).first().innerText()).match(DOSSIER_CODE)![0];

    // The citizen sees the code and the new status.
    await page.getByText(code).first().waitFor({ timeout: 60_000 });
    await page.getByText('Được tiếp nhận').first().waitFor();
    await desk.close();
    await citizen.close();
  });
});
