/**
 * In-person reception at the Đắk La desk: the card's QR code is read through the (fake) camera,
 * the identity is checked against the population registry, the four tabs are filled, the dossier is
 * received with its code from the server, the receipt PDF is made on the device, and the citizen
 * gets exactly one email.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { startBuiltServer, type RunningServer } from '../helpers/built-server.ts';
import { writeQrVideo } from './fixtures/qr-video.ts';
import { signIn, waitForServiceWorker, waitForSynced } from './helpers.ts';

const DOSSIER_CODE = /H34\.29\.2-\d{6}-\d{4}/;
const CARD_QR = '062301000456|245678901|Trần Thị Bình|20082001|Nữ|Thôn 3, xã Đắk La, tỉnh Kon Tum|02062021';

describe('in-person reception with the identity check and the card QR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-intake-'));
  const inbox: Array<{ to: string[]; raw: string }> = [];
  let smtp: SMTPServer;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startBuiltServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true` } });
    const video = writeQrVideo(join(dir, 'cccd.y4m'), CARD_QR);
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the form from the camera and the registry, receives, prints the receipt and emails once', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 800, height: 1280 } });
    await context.grantPermissions(['camera'], { origin: server.url });
    const page = await context.newPage();
    await signIn(page, server.url, 'motcua.dakla');
    await waitForSynced(page);

    await page.getByRole('link', { name: 'Tiếp nhận trực tiếp' }).click();
    await page.getByLabel('Tìm thủ tục').fill('dang ky thuong tru');
    await page.getByRole('link', { name: 'Tiếp nhận: Đăng ký thường trú' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();

    // "Quét mã": the webcam shows the card's QR code.
    await page.getByRole('button', { name: 'Quét mã' }).click();
    await page.getByText('Đã đọc mã QR của thẻ CCCD số 062301000456').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bình');
    expect(await page.getByLabel('Số CCCD / số định danh cá nhân').inputValue()).toBe('062301000456');
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('20/08/2001');
    expect(await page.getByLabel('Giới tính').inputValue()).toBe('nu');
    expect(await page.getByLabel('Số CMND cũ').inputValue()).toBe('245678901');
    expect(await page.getByLabel('Ngày cấp CCCD').inputValue()).toBe('02/06/2021');
    expect(await page.getByLabel('Địa chỉ (nơi thường trú)').inputValue()).toBe('Thôn 3, xã Đắk La, tỉnh Kon Tum');
    await page.getByText('Theo mã QR trên thẻ CCCD').waitFor();

    // "Kiểm tra" while the link is down: queued; sent by itself when the network is back, and the
    // registry's answer confirms and fills the form.
    await page.getByLabel('Địa chỉ (nơi thường trú)').fill('');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('yêu cầu kiểm tra đã được xếp hàng').waitFor();
    await context.setOffline(false);
    await page.getByText('Thông tin khớp với Cơ sở dữ liệu quốc gia về dân cư').waitFor({ timeout: 30_000 });
    await page.getByText('Đã đối chiếu với Cơ sở dữ liệu quốc gia về dân cư').waitFor();
    expect(await page.getByLabel('Địa chỉ (nơi thường trú)').inputValue()).toContain('Đắk La');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Email').fill('binh@example.vn');
    await page.getByRole('checkbox', { name: 'Đã đối chiếu từng thông tin trên với thẻ CCCD của người nộp' }).check();

    // A missing paper component is caught on its tab.
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('tab', { name: /Thành phần hồ sơ/, selected: true }).waitFor();
    const boxes = page.getByRole('checkbox', { name: 'Đã nhận bản giấy' });
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();

    await page.getByRole('tab', { name: 'Lệ phí' }).click();
    expect(await page.getByTestId('fee-total').textContent()).toMatch(/20[.,\s]?000/);
    await page.getByRole('radio', { name: 'Đã thu tiền mặt' }).check();

    await page.getByRole('tab', { name: 'Hình thức nhận kết quả' }).click();
    await page.getByRole('checkbox', { name: 'Email' }).check();

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').textContent({ timeout: 60_000 }))!.trim();
    expect(code).toMatch(DOSSIER_CODE);
    const due = (await page.getByTestId('due-at').textContent())!.trim();
    const [dd, mm, yyyy] = due.match(/(\d{2})\/(\d{2})\/(\d{4})/)!.slice(1);

    // "In phiếu": the receipt PDF, made in the browser.
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' }).click(),
    ]);
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), popup.url());
    const pdf = join(dir, 'receipt.pdf');
    writeFileSync(pdf, Buffer.from(bytes));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain(`ngày ${dd} tháng ${mm} năm ${yyyy}`);
    expect(text).toContain('UBND XÃ ĐẮK LA');
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('Đăng ký thường trú');
    expect(text).toContain('20.000 đồng (đã thu tiền mặt)');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf, join(dir, 'receipt')]);
    expect(statSync(join(dir, 'receipt.png')).size).toBeGreaterThan(5_000);

    // The dossier's page offers the slip too.
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' }).waitFor();

    // The citizen chose email: one message, once.
    await waitForSynced(page);
    const deadline = Date.now() + 30_000;
    while (inbox.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(inbox.map((m) => m.to)).toEqual([['binh@example.vn']]);
    await context.close();
  });

  it('makes the registry check queued offline after the desk has moved on, and records it in the history', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'motcua.dakla');
    await waitForServiceWorker(page);
    await waitForSynced(page);
    await context.setOffline(true);

    // A citizen at the desk with no network: the card is read by eye, "Kiểm tra" is queued.
    await page.getByRole('link', { name: 'Tiếp nhận trực tiếp' }).click();
    await page.getByLabel('Tìm thủ tục').fill('dang ky thuong tru');
    await page.getByRole('link', { name: 'Tiếp nhận: Đăng ký thường trú' }).click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Số CCCD / số định danh cá nhân').fill('062099000123');
    await page.getByLabel('Ngày sinh').fill('12/05/1999');
    await page.getByLabel('Giới tính').selectOption('nam');
    await page.getByLabel('Địa chỉ (nơi thường trú)').fill('Thôn 1, xã Đắk La, tỉnh Kon Tum');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('yêu cầu kiểm tra đã được xếp hàng').waitFor();
    await page.getByRole('checkbox', { name: 'Đã đối chiếu từng thông tin trên với thẻ CCCD của người nộp' }).check();
    await page.getByRole('tab', { name: /Thành phần hồ sơ/ }).click();
    const boxes = page.getByRole('checkbox', { name: 'Đã nhận bản giấy' });
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByRole('tab', { name: 'Lệ phí' }).click();
    await page.getByRole('radio', { name: 'Đã thu tiền mặt' }).check();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();

    // The desk moves on to the dossier's page; the link comes back later.
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.getByRole('button', { name: 'Xem lịch sử cập nhật' }).click();
    await context.setOffline(false);
    await page.locator('#history-section').getByText('Đã đối chiếu với Cơ sở dữ liệu quốc gia về dân cư: thông tin khớp.').waitFor({ timeout: 60_000 });
    await context.close();
  });
});
