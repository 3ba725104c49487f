import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tinyPdf } from './fixtures/files.ts';
import { signIn, useServerAndBrowser, waitForServiceWorker, waitForSynced } from './helpers.ts';
import { pdfProof, signedPdfsIn } from './pdf-proof.ts';

const DOSSIER = 'demo-hs-001'; // Nguyễn Văn An's online birth registration at Đắk La, waiting for the desk
const CITIZEN = '062099000123';
const DOSSIER_CODE = /H34\.29\.2-\d{6}-\d{4}/;
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: tinyPdf(name) });

async function openContext(browser: Browser, width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height } });
  return { context, page: await context.newPage() };
}

async function openQueue(page: Page, tab: string) {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
  await page.getByRole('navigation', { name: 'Hàng đợi hồ sơ' }).getByRole('link', { name: new RegExp(tab) }).click();
  await page.getByRole('heading', { name: tab }).waitFor();
}

/** The step the scenario is at, named in the failure message. */
let currentStep = '';

/** Runs one workflow form: opens it with its button, fills it, submits, waits for the confirmation. */
async function act(page: Page, kind: string, button: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>, submit: string, done: string) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const form = page.locator(`#form-${kind}`);
  await fill(form);
  await form.getByRole('button', { name: submit, exact: true }).click();
  // Either the confirmation or the form's error: a refusal is named in the failure, not timed out.
  const error = page.locator('.alert.error, .field-error').first();
  await page.getByText(done).first().or(error).first().waitFor();
  if (await error.isVisible()) throw new Error(`"${submit}" answered: ${await error.innerText()}`);
}

describe('a dossier goes through every workflow step with three officers, one of them offline', () => {
  const env = useServerAndBrowser();

  it('received, supplemented, processed offline, approved, returned and rated', { timeout: 480_000 }, () =>
    scenario().catch((e: unknown) => {
      throw new Error(`At "${currentStep}": ${e instanceof Error ? e.message : String(e)}`);
    }));

  async function scenario() {
    const desk = await openContext(env.browser, 1280, 800);
    const specialist = await openContext(env.browser, 1280, 800); // a 10-inch tablet
    const leader = await openContext(env.browser, 1024, 768);
    const citizen = await openContext(env.browser, 360, 740);

    // The desk receives the online dossier and sends it to the specialist with its opinion.
    currentStep = 'The desk receives the online dossier and sends it to the specialist with its opinion.';
    await signIn(desk.page, env.server.url, 'motcua.dakla');
    await desk.page.goto(`${env.server.url}/tiep-nhan/${DOSSIER}`);
    await desk.page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.page.getByText(DOSSIER_CODE).first().waitFor({ timeout: 60_000 });
    const code = (await desk.page.getByText(DOSSIER_CODE).first().innerText()).match(DOSSIER_CODE)![0];
    await act(desk.page, 'forward', 'Chuyển bước', (f) => f.getByLabel('Ý kiến xử lý').fill('Hồ sơ đầy đủ, chuyển công chức tư pháp thẩm định.'),
      'Chuyển bước', 'Đã chuyển hồ sơ sang bước «Công chức chuyên môn thẩm định, xử lý»');
    await waitForSynced(desk.page);

    // The specialist finds it in "Hồ sơ cần xử lý" and asks the citizen for a missing paper.
    currentStep = 'The specialist finds it in "Hồ sơ cần xử lý" and asks the citizen for a missing paper.';
    await signIn(specialist.page, env.server.url, 'chuyenvien.dakla');
    await waitForServiceWorker(specialist.page);
    await openQueue(specialist.page, 'Hồ sơ cần xử lý');
    await specialist.page.getByRole('link', { name: new RegExp(`Mở hồ sơ ${code.replace(/\./g, '\\.')}`) }).click({ timeout: 60_000 });
    await specialist.page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await specialist.page.getByLabel('Lý do yêu cầu bổ sung').fill('Bản sao giấy chứng sinh không rõ, cần bản chụp rõ hơn.');
    await specialist.page.getByLabel('Giấy tờ khác (mỗi dòng một giấy tờ)').fill('Giấy chứng sinh (bản chụp rõ)');
    await specialist.page.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await specialist.page.getByText('Đã gửi yêu cầu bổ sung hồ sơ.').waitFor();
    await waitForSynced(specialist.page);

    // The citizen supplements online.
    currentStep = 'The citizen supplements online.';
    await signIn(citizen.page, env.server.url, CITIZEN);
    await citizen.page.goto(`${env.server.url}/ho-so-cua-toi/${DOSSIER}`);
    await citizen.page.getByRole('heading', { name: 'Bổ sung hồ sơ' }).waitFor({ timeout: 60_000 });
    await citizen.page.getByText('Bản sao giấy chứng sinh không rõ').first().waitFor();
    await citizen.page.locator('fieldset.component input[type=file]').first().setInputFiles(pdf('giay-chung-sinh-bo-sung.pdf'));
    await citizen.page.getByText('giay-chung-sinh-bo-sung.pdf').first().waitFor();
    await citizen.page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await citizen.page.getByText('Đã gửi bổ sung.').waitFor();
    await waitForSynced(citizen.page);

    // The desk accepts the supplement: the dossier resumes at the specialist's step.
    currentStep = "The desk accepts the supplement: the dossier resumes at the specialist's step.";
    await desk.page.getByText('giay-chung-sinh-bo-sung.pdf').first().waitFor({ timeout: 60_000 });
    await desk.page.getByRole('button', { name: 'Nhận hồ sơ bổ sung' }).click();
    await desk.page.getByText('Đã nhận hồ sơ bổ sung.').waitFor();
    await waitForSynced(desk.page);

    // The specialist loses the network and does the whole step offline: the result file, then "Chuyển bước".
    currentStep = 'The specialist loses the network and does the whole step offline: the result file, then "Chuyển bước".';
    await specialist.page.getByRole('button', { name: 'Tải lên kết quả' }).waitFor({ timeout: 60_000 });
    await specialist.context.setOffline(true);
    await specialist.page.getByText('Ngoại tuyến').first().waitFor();
    await act(specialist.page, 'result', 'Tải lên kết quả', async (f) => {
      await f.getByLabel('Số, ký hiệu (nếu có)').fill('25/2026/TP-KS');
      await f.getByLabel('Tệp kết quả').setInputFiles(pdf('ket-qua-khai-sinh.pdf'));
    }, 'Lưu kết quả', 'Đã lưu kết quả giải quyết');
    await act(specialist.page, 'forward', 'Chuyển bước', async (f) => {
      await f.getByLabel('Ý kiến xử lý').fill('Đủ điều kiện đăng ký khai sinh, trình lãnh đạo ký.');
      await f.getByLabel('Tệp đính kèm (không bắt buộc)').setInputFiles(pdf('to-trinh.pdf'));
    }, 'Chuyển bước', 'Đã chuyển hồ sơ sang bước «Lãnh đạo UBND xã phê duyệt, ký kết quả»');
    const pending = await specialist.page.locator('.status-pending').innerText();
    expect(Number(pending.split(' ')[0])).toBeGreaterThan(0);

    // Meanwhile the server keeps serving the others: the leader signs in, nothing is waiting yet.
    currentStep = 'Meanwhile the server keeps serving the others: the leader signs in, nothing is waiting yet.';
    await signIn(leader.page, env.server.url, 'chutich.dakla');
    await openQueue(leader.page, 'Hồ sơ cần xử lý');
    expect(await leader.page.getByRole('link', { name: new RegExp(`Mở hồ sơ ${code.replace(/\./g, '\\.')}`) }).count()).toBe(0);

    // Back online, the specialist's work syncs and reaches the leader.
    currentStep = "Back online, the specialist's work syncs and reaches the leader.";
    await specialist.context.setOffline(false);
    await waitForSynced(specialist.page, 90_000);
    const leaderRow = leader.page.getByRole('link', { name: new RegExp(`Mở hồ sơ ${code.replace(/\./g, '\\.')}`) });
    await leaderRow.waitFor({ timeout: 60_000 });
    await leaderRow.click();

    // The leader reads the verified history and the workflow, and returns it once to the specialist.
    currentStep = 'The leader reads the verified history and the workflow, and returns it once to the specialist.';
    await leader.page.getByRole('button', { name: 'Xem lịch sử cập nhật' }).click();
    await leader.page.getByText('Lịch sử đầy đủ, không bị sửa').waitFor({ timeout: 30_000 });
    await leader.page.getByText('Đủ điều kiện đăng ký khai sinh, trình lãnh đạo ký.').first().waitFor();
    await leader.page.getByRole('button', { name: 'Xem quy trình' }).click();
    await leader.page.locator('[aria-current="step"]').getByText('phê duyệt, ký kết quả').waitFor();
    await act(leader.page, 'back', 'Trả lại bước trước', (f) => f.getByLabel('Lý do trả lại').fill('Ghi rõ số hiệu văn bản trong tờ trình.'),
      'Trả lại', 'Đã trả hồ sơ về bước «Công chức chuyên môn thẩm định, xử lý»');
    await waitForSynced(leader.page);
    currentStep = 'The specialist, online again, corrects it and sends it back up.';
    await specialist.page.getByText('Ghi rõ số hiệu văn bản trong tờ trình.').first().waitFor({ timeout: 60_000 });
    await specialist.page.getByRole('button', { name: 'Chuyển bước', exact: true }).first().waitFor({ timeout: 60_000 });
    await act(specialist.page, 'forward', 'Chuyển bước', (f) => f.getByLabel('Ý kiến xử lý').fill('Đã ghi rõ số hiệu, trình lãnh đạo.'),
      'Chuyển bước', 'Đã chuyển hồ sơ sang bước «Lãnh đạo UBND xã phê duyệt, ký kết quả»');
    await waitForSynced(specialist.page);
    currentStep = 'The leader approves the result.';
    await leader.page.getByRole('button', { name: 'Phê duyệt kết quả', exact: true }).waitFor({ timeout: 60_000 });
    await act(leader.page, 'approve', 'Phê duyệt kết quả', (f) => f.getByLabel('Ý kiến phê duyệt (không bắt buộc)').fill('Đồng ý.'),
      'Phê duyệt', 'Đã phê duyệt kết quả');
    await waitForSynced(leader.page);

    // The desk returns the result online.
    currentStep = 'The desk returns the result online.';
    await openQueue(desk.page, 'Hồ sơ chờ trả kết quả');
    await desk.page.getByRole('link', { name: new RegExp(`Mở hồ sơ ${code.replace(/\./g, '\\.')}`) }).click({ timeout: 60_000 });
    await act(desk.page, 'return', 'Trả kết quả', (f) => f.getByLabel('Trực tuyến').check(), 'Xác nhận đã trả kết quả', 'Đã trả kết quả cho công dân.');
    await waitForSynced(desk.page);

    // The citizen downloads the electronic result and rates the service.
    currentStep = 'The citizen downloads the electronic result and rates the service.';
    await citizen.page.getByText('Đã trả kết quả').first().waitFor({ timeout: 60_000 });
    await citizen.page.getByRole('button', { name: 'Tải kết quả điện tử' }).waitFor({ timeout: 60_000 });
    // The result the chairman approved is signed with his key: poppler trusts it through the province CA.
    const results = await signedPdfsIn(env.server.dataDir);
    const proofs = await Promise.all(results.map((pdf) => pdfProof(env.server.url, pdf)));
    const chairman = proofs.find((p) => p.pdfsig.includes('Signer Certificate Common Name: Y Blong'));
    expect(chairman?.pdfsig).toContain('Signature is Valid.');
    expect(chairman?.pdfsig).toContain('Certificate is Trusted.');
    await citizen.page.getByLabel('Rất hài lòng').check();
    await citizen.page.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
    await citizen.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.page.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await waitForSynced(citizen.page);
    await desk.page.locator('.alert.info', { hasText: 'Rất hài lòng' }).getByText('Cán bộ hướng dẫn tận tình.', { exact: false }).waitFor({ timeout: 60_000 });

    // Anyone can look it up with the code and the CCCD; a wrong CCCD learns nothing.
    currentStep = 'Anyone can look it up with the code and the CCCD; a wrong CCCD learns nothing.';
    const visitor = await openContext(env.browser, 360, 740);
    await visitor.page.goto(`${env.server.url}/dang-nhap`);
    await visitor.page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await visitor.page.getByLabel('Mã hồ sơ').fill(code);
    await visitor.page.getByLabel('Số CCCD của người nộp').fill('062301000456');
    await visitor.page.getByRole('button', { name: 'Tra cứu' }).click();
    await visitor.page.getByText('Không tìm thấy hồ sơ').waitFor();
    await visitor.page.getByLabel('Số CCCD của người nộp').fill(CITIZEN);
    await visitor.page.getByRole('button', { name: 'Tra cứu' }).click();
    await visitor.page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await visitor.page.getByText('Đã trả kết quả').waitFor();
    // The receipt's QR code opens the lookup with the code already filled in.
    await visitor.page.goto(`${env.server.url}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    expect(await visitor.page.getByLabel('Mã hồ sơ').inputValue()).toBe(code);

    for (const c of [desk, specialist, leader, citizen, visitor]) await c.context.close();
  }
});
