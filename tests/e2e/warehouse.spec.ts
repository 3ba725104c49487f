import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPdf } from './fixtures/files.ts';
import { signIn, useServerAndBrowser, waitForServiceWorker, waitForSynced } from './helpers.ts';

const PROCEDURE = 'Đăng ký khai sinh';
const FORM = 'Tờ khai đăng ký khai sinh';
const BIRTH = 'Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh)';

/** A phone-photo-sized JPEG of a printed page (text lines, paper grain), drawn in the browser. */
async function photoOfPage(page: Page, label: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 3024;
    canvas.height = 4032;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#f4f1ea';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < 40000; i++) {
      ctx.fillStyle = `rgba(0,0,0,${Math.random() * 0.06})`;
      ctx.fillRect(Math.random() * canvas.width, Math.random() * canvas.height, 3, 3);
    }
    ctx.fillStyle = '#111';
    ctx.font = 'bold 110px serif';
    ctx.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 260, 400);
    ctx.font = '80px serif';
    for (let line = 0; line < 34; line++) ctx.fillText(`${text} — dòng ${line + 1}: Họ và tên, ngày sinh, nơi sinh…`, 240, 700 + line * 95);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, label);
  return Buffer.from(base64, 'base64');
}

function componentItem(page: Page, name: string) {
  return page.locator('ol.components > li').filter({ has: page.getByRole('button', { name: `Quét, số hóa: ${name}` }) });
}

/** Scans `photos` into the component, then saves it to the warehouse with a number; returns the PDF size text. */
async function scanAndSave(page: Page, name: string, photos: Buffer[], number: string, camera = false): Promise<string> {
  await page.getByRole('button', { name: `Quét, số hóa: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: /Quét, số hóa/ });
  if (camera) {
    // The tablet camera (a fake stream here): one page photographed, then the rest from files.
    await dialog.getByRole('button', { name: 'Mở máy ảnh' }).click();
    await dialog.getByRole('button', { name: 'Chụp trang' }).click();
    await dialog.getByRole('img', { name: 'Trang 1' }).waitFor();
    await dialog.getByRole('button', { name: 'Xoay' }).first().click();
    await dialog.getByRole('button', { name: 'Tắt máy ảnh' }).click();
  }
  await dialog.locator('#scan-files').setInputFiles(photos.map((buffer, i) => ({ name: `anh-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
  await dialog.getByRole('button', { name: 'Tạo tệp PDF' }).click();
  const item = componentItem(page, name);
  await item.locator('.file-list li').first().waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
    throw new Error(`${String(error)}\nDialog: ${(await page.locator('dialog').allInnerTexts()).join(' | ')}\nComponent: ${await item.innerText()}`);
  });
  const size = await item.locator('.file-list li').first().locator('.muted').innerText();
  await page.getByRole('button', { name: `Lưu vào kho dữ liệu điện tử: ${name}` }).click();
  const save = page.getByRole('dialog', { name: 'Lưu vào kho dữ liệu điện tử' });
  expect(await save.getByLabel('Số định danh chủ giấy tờ').inputValue()).toBe('062099000123');
  expect(await save.getByLabel('Tên giấy tờ').inputValue()).toBe(name);
  await save.getByLabel('Ngày cấp').fill('2026-01-15');
  await save.getByLabel('Cơ quan cấp').fill('Bệnh viện Đa khoa tỉnh Kon Tum');
  await save.getByLabel('Số, ký hiệu').fill(number);
  await save.getByRole('button', { name: 'Lưu vào kho' }).click();
  await item.getByText(/lưu vào kho dữ liệu điện tử\./).first().waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
    throw new Error(`${String(error)}\nDialog: ${(await page.locator('dialog').allInnerTexts()).join(' | ')}`);
  });
  return size;
}

/** The desk saved an electronic result for An earlier (through the API, as its device would). */
async function storeValidResult(baseUrl: string, docTypeCode: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Device-Id': 'e2e-desk-tool' },
    body: JSON.stringify({ username: 'motcua.dakla', password: 'Demo@2026' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${accessToken}` };
  const pdf = tinyPdf('ket qua dien tu');
  const uploaded = await fetch(`${baseUrl}/api/files`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/pdf' }, body: new Uint8Array(pdf) });
  const { sha256 } = (await uploaded.json()) as { sha256: string };
  const now = new Date();
  const push = (collection: string, doc: object) =>
    fetch(`${baseUrl}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ assumedMasterState: null, newDocumentState: doc }]),
    });
  const file = {
    id: 'kq-file-1', sha256, name: 'ket-qua.pdf', mime: 'application/pdf', size: pdf.length, ownerCccd: '062099000123',
    agencyId: '001.29.00.H34', dossierId: null, uploadedBy: 'u-motcua.dakla', createdAt: now.toISOString(), updatedAt: now.getTime(),
  };
  expect((await push('files', file)).status).toBe(200);
  const result = {
    id: 'kq-1', ownerCccd: '062099000123', docTypeCode, name: 'Giấy chứng sinh điện tử', issuedAt: '2026-01-10', issuer: 'Bệnh viện Đa khoa tỉnh Kon Tum',
    number: 'KQ-01/2026', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'result', fileId: file.id, sourceDossierId: null,
    procedureId: null, agencyId: '001.29.00.H34', digitizedBy: 'Phạm Thị Hoa', digitizedAt: now.toISOString(), updatedAt: now.getTime(),
  };
  expect((await push('warehouse', result)).status).toBe(200);
}

describe('the electronic warehouse: digitize at the desk, reuse when submitting', () => {
  const env = useServerAndBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);

  it('digitizes offline (camera and files), signs and saves with metadata; the citizen reuses; rescanning a valid result is refused', async () => {
    const desk = await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const deskPage = await desk.newPage();
    deskPage.on('pageerror', (e) => console.error('desk page error:', e.message));
    await signIn(deskPage, env.server.url, 'motcua.dakla');
    await deskPage.goto(`${env.server.url}/tiep-nhan/demo-hs-001`);
    await deskPage.getByRole('heading', { name: new RegExp(PROCEDURE) }).waitFor();
    await waitForServiceWorker(deskPage);
    await waitForSynced(deskPage);
    // The desk works offline: scanning, signing and saving to the warehouse need no network.
    await desk.setOffline(true);
    await deskPage.getByText('Ngoại tuyến').first().waitFor();

    const onePage = await scanAndSave(deskPage, FORM, [await photoOfPage(deskPage, 'Tờ khai')], '01/TK-2026');
    const twoPages = await scanAndSave(deskPage, BIRTH, [await photoOfPage(deskPage, 'Giấy chứng sinh'), await photoOfPage(deskPage, 'Trang 2')], 'GCS-123/2026', true);
    console.info(`scan sizes: one page ${onePage}, three pages (camera + two photos) ${twoPages}`);
    const kb = Number(/([\d.,]+)\s*KB/i.exec(onePage)?.[1]?.replace(',', '.') ?? NaN);
    expect(kb).toBeLessThan(300);
    await desk.setOffline(false);
    await waitForSynced(deskPage, 90_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nStatus: ${(await deskPage.locator('.status-bar, [role=status]').allInnerTexts()).join(',')}`);
    });

    // The citizen finds both documents in "Kho dữ liệu của tôi", then reuses one in a new dossier.
    const citizen = await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    const page = await citizen.newPage();
    await signIn(page, env.server.url, '062099000123');
    await page.getByRole('link', { name: 'Kho dữ liệu của tôi' }).click();
    await page.getByRole('heading', { name: 'Kho dữ liệu của tôi' }).waitFor();
    await page.getByText('GCS-123/2026').waitFor({ timeout: 60_000 });
    await page.getByText('01/TK-2026').waitFor();
    const signature = page.locator('.warehouse-list').getByText(/Chữ ký hợp lệ|Chưa ký số|Chữ ký không hợp lệ|Chưa kiểm tra được/).first();
    await signature.waitFor({ timeout: 30_000 });
    // The desk's device signed the copies (stamp: officer, agency, time of copying).
    expect(await signature.innerText()).toContain('Chữ ký hợp lệ');

    await page.goto(`${env.server.url}/thu-tuc`);
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('link', { name: PROCEDURE, exact: true }).click();
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Nộp hồ sơ' }).waitFor();
    await page.getByLabel('Cơ quan tiếp nhận (UBND xã)').selectOption({ label: 'UBND xã Đắk La' });
    await page.getByRole('button', { name: `Chọn tệp từ kho dữ liệu: ${BIRTH}` }).click();
    const picker = page.getByRole('dialog', { name: /Chọn tệp từ kho dữ liệu/ });
    await picker.getByRole('tab', { name: 'Kho QG' }).click();
    await picker.getByText('Không tìm thấy dữ liệu.').waitFor();
    await picker.getByRole('tab', { name: 'Kho cá nhân' }).click();
    await picker.getByLabel('Tìm theo tên giấy tờ').fill('giay chung sinh');
    await picker.getByRole('button', { name: `Dùng giấy tờ ${BIRTH}` }).click();
    const birth = page.locator('fieldset.component', { hasText: BIRTH });
    await birth.locator('.file-list li').first().waitFor();

    const required = page.locator('fieldset.component', { hasText: '(bắt buộc)' });
    for (let i = 0; i < (await required.count()); i++) {
      const slot = required.nth(i);
      if ((await slot.locator('.file-list li').count()) > 0) continue;
      await slot.locator('input[type=file]').setInputFiles({ name: `to-khai-${i}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(`c${i}`) });
      await slot.getByText(`to-khai-${i}.pdf`).waitFor();
    }
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Mới đăng ký').first().waitFor();
    const dossierId = new URL(page.url()).pathname.split('/').pop()!;
    await waitForSynced(page);

    // The desk sees the component marked reused, and can open its file (the bytes were never re-sent).
    await deskPage.goto(`${env.server.url}/tiep-nhan/${dossierId}`);
    const reused = componentItem(deskPage, BIRTH);
    await reused.getByText('Tái sử dụng').waitFor({ timeout: 60_000 });
    await reused.locator('.file-list li').first().waitFor();

    // A still-valid result of an accepted type is already in An's warehouse: scanning again is refused.
    await storeValidResult(env.server.url, 'giay-chung-sinh');
    await deskPage.getByRole('button', { name: `Quét, số hóa: ${BIRTH}` }).click();
    await reused.getByRole('alert').filter({ hasText: 'Không được số hóa lại' }).waitFor({ timeout: 30_000 });
    expect(await deskPage.getByRole('dialog', { name: /Quét, số hóa/ }).count()).toBe(0);
    await citizen.close();
    await desk.close();
  });
});
