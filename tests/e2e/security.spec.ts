/**
 * The browser half of the security suite: the built PWA runs under the server's strict
 * Content-Security-Policy with no violation, and script payloads stored in a dossier are shown as
 * text, never run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { startBuiltServer, type RunningServer } from '../helpers/built-server.ts';
import { DEMO_PASSWORD, signIn } from './helpers.ts';
import { sha256Hex } from '@motcua/crypto';
import { chainEvent, DossierEventType, type SessionUser } from '@motcua/model';
import { contentEdit } from '../../apps/sync/src/routes/action-test-helpers.ts';
import { DEMO_USERS } from '../../apps/sync/src/demo/users.ts';
import { SYNTHETIC_PEOPLE } from '../../apps/sync/src/population/synthetic.ts';

/** The activation code the Đắk La desk gets for `person`, as its screen asks for it. */
async function deskActivationCode(url: string, person: { cccd: string; fullName: string; birthDate: string }): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Device-Id': 'e2e-desk' }, body: JSON.stringify({ username: 'motcua.dakla', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const issued = await fetch(`${url}/api/population/activation`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ cccd: person.cccd, fullName: person.fullName, birthDate: person.birthDate }),
  });
  return ((await issued.json()) as { code: string }).code;
}

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

async function api(server: RunningServer, path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Device-Id': 'e2e-security-tool', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Collects CSP violations reported by the page (events and console messages). The database probes
 * once whether it may compile code from strings (it may not, and then skips local validation): that
 * refused `eval` is expected and not counted.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text) && !/unsafe-eval|script-src-elem? eval|violation: script-src eval/i.test(text)) violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

describe('the PWA under the strict CSP', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    // The desk corrects the summary of a submitted dossier to a script payload, as an action would.
    const { accessToken, user } = (await api(server, '/api/auth/login', { body: { username: 'motcua.dakla', password: DEMO_PASSWORD } })) as {
      accessToken: string;
      user: SessionUser;
    };
    const { documents } = (await api(server, '/api/sync/dossiers/pull', { token: accessToken })) as { documents: Array<Record<string, unknown>> };
    const { _deleted, ...master } = documents.find((d) => d.id === 'demo-hs-001')! as Record<string, unknown> & { id: string };
    const event = await chainEvent({
      id: crypto.randomUUID(), dossierId: master.id, agencyId: String(master.agencyId), ownerCccd: String(master.ownerCccd),
      type: DossierEventType.ContentEdited, fromStatus: 1, toStatus: 1, actor: { userId: user.id, name: user.fullName, role: user.role },
      deviceId: 'e2e-security-tool', at: new Date().toISOString(), comment: '', data: {},
      action: { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, summary: PAYLOAD })) },
    }, null, sha256Hex);
    const answer = await api(server, '/api/sync/events/push', { token: accessToken, body: [{ assumedMasterState: null, newDocumentState: { ...event, _deleted: false } }] });
    expect(answer).toEqual([expect.objectContaining({ outcome: expect.objectContaining({ status: 'applied' }) })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the policy and runs sign-in, registration, the queue, account administration and statistics without a violation', async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const first = await page.goto(`${server.url}/dang-nhap`);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByText('Nhập mã kích hoạt 8 chữ số do bộ phận một cửa cấp').waitFor();
    // The citizen brings the code the desk printed after checking their card.
    const person = SYNTHETIC_PEOPLE.find((p) => !DEMO_USERS.some((u) => u.cccd === p.cccd))!;
    const code = await deskActivationCode(server.url, person);
    await page.getByLabel('Số CCCD (12 chữ số)').fill(person.cccd);
    await page.getByLabel(/Mã kích hoạt/).fill(code);
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0905777888');
    await page.getByLabel('Mật khẩu (ít nhất 8 ký tự, 3 loại ký tự)').fill('Kon!Tum2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Kon!Tum2026');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByText('Đã kích hoạt tài khoản.').waitFor();

    await signIn(page, server.url, 'quantri');
    await page.goto(`${server.url}/tiep-nhan`);
    await page.getByText(PAYLOAD).first().waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.goto(`${server.url}/quan-tri/tai-khoan`);
    await page.getByRole('heading', { name: 'Quản lý tài khoản' }).waitFor();
    await page.getByRole('table', { name: 'Tài khoản cán bộ' }).getByText('motcua.dakla').first().waitFor();
    // The lower tiers' servers are listed apart from the officers, without a role to change.
    await page.getByRole('table', { name: 'Tài khoản máy chủ cấp dưới' }).getByText('tier.dakla').waitFor();
    expect(await page.getByRole('table', { name: 'Tài khoản cán bộ' }).getByText('tier.dakla').count()).toBe(0);

    // The province admin reads each commune's indicators over a period typed as dd/mm/yyyy.
    await page.goto(`${server.url}/thong-ke`);
    await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill('01/01/2020');
    const firstCard = page.locator('.stat').first();
    await firstCard.getByText('0/0 hồ sơ', { exact: false }).waitFor();
    await page.getByLabel('Đơn vị').selectOption('001.29.00.H34');
    await expect.poll(async () => Number(/\/(\d+) hồ sơ/.exec((await firstCard.textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThan(0);
    // A date that does not exist is named, not silently ignored.
    await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill('32/13/2020');
    await page.getByRole('alert').filter({ hasText: 'Nhập ngày dạng dd/mm/yyyy' }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
