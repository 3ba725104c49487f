/**
 * A desk types its opinion into "Chuyển bước" while another desk of the commune moves the same
 * dossier on: the form stays open with what was typed, says the dossier changed, and cannot send a
 * move that no longer applies.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn, useServerAndBrowser, waitForSynced } from './helpers.ts';

const DOSSIER = 'demo-hs-001'; // Nguyễn Văn An's online birth registration at Đắk La, waiting for the desk
const OPINION = 'Hồ sơ đầy đủ, đề nghị chuyển công chức tư pháp thẩm định.';

async function openDesk(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, url, 'motcua.dakla');
  await page.goto(`${url}/tiep-nhan/${DOSSIER}`);
  return page;
}

describe('an open workflow form while the dossier changes', () => {
  const env = useServerAndBrowser();

  it('keeps what the officer typed and says the move no longer applies', { timeout: 240_000 }, async () => {
    const a = await openDesk(env.browser, env.server.url);
    await a.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await a.getByText('Đã tiếp nhận hồ sơ.').waitFor();
    await waitForSynced(a);

    const b = await openDesk(env.browser, env.server.url);
    await b.getByRole('button', { name: 'Chuyển bước', exact: true }).first().click({ timeout: 60_000 });
    const form = b.locator('#form-forward');
    await form.getByLabel('Ý kiến xử lý').fill(OPINION);

    await a.getByRole('button', { name: 'Chuyển bước', exact: true }).first().click();
    await a.locator('#form-forward').getByLabel('Ý kiến xử lý').fill('Chuyển thẩm định.');
    await a.locator('#form-forward').getByRole('button', { name: 'Chuyển bước', exact: true }).click();
    await a.getByText('Đã chuyển hồ sơ sang bước').waitFor();
    await waitForSynced(a);

    // The other desk's move reaches b's open form through its live pull.
    await form.getByText('Hồ sơ vừa được cập nhật, thao tác này hiện không thực hiện được.').waitFor({ timeout: 60_000 });
    expect(await form.getByLabel('Ý kiến xử lý').inputValue()).toBe(OPINION);
    expect(await form.getByRole('button', { name: 'Chuyển bước', exact: true }).isDisabled()).toBe(true);
  });
});
