import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser.ts';
import { startBuiltServer, type RunningServer } from '../helpers/built-server.ts';
import { DEMO_PASSWORD, waitForServiceWorker, waitForSynced } from './helpers.ts';

/** Citizens whose dossiers wait in Đắk La's queue (demo data). */
const CITIZEN_NAMES = ['Nguyễn Văn An', 'Trần Thị Bình'];
/** Their CCCD numbers: identities, kept encrypted like the names. */
const CITIZEN_CCCDS = ['062099000123', '062301000456'];
const OFFICER = 'motcua.dakla';

/** Every file under the profile's IndexedDB folder (LevelDB tables, logs and blob files). */
async function indexedDbBytes(userDataDir: string): Promise<Buffer> {
  const root = join(userDataDir, 'Default', 'IndexedDB');
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  // A file Chromium removed meanwhile (compaction) holds nothing to find.
  const parts = await Promise.all(files.map((e) => readFile(join(e.parentPath, e.name)).catch(() => Buffer.alloc(0))));
  return Buffer.concat(parts);
}

/** Whether `text` is in `bytes` as UTF-8 or UTF-16LE (how V8 serializes non-Latin-1 strings). */
function holds(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

async function signIn(page: Page, baseUrl: string, options: { shared?: boolean; password?: string } = {}): Promise<void> {
  if (!page.url().includes('/dang-nhap')) await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập hoặc số CCCD').fill(OFFICER);
  await page.getByLabel('Mật khẩu').fill(options.password ?? DEMO_PASSWORD);
  const shared = page.getByLabel(/Máy dùng chung/);
  if (options.shared) await shared.check();
  else await shared.uncheck();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

describe('encryption at rest on a shared commune PC', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    server = await startBuiltServer();
    userDataDir = await mkdtemp(join(tmpdir(), 'motcua-profile-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'vi-VN',
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('keeps no citizen name in the IndexedDB files, signs in offline, locks, and wipes on a kiosk sign-out', async () => {
    const page = context.pages()[0] ?? (await context.newPage());

    // 1. Online sign-in: the queue shows the citizens' names…
    await signIn(page, server.url);
    await page.getByText(CITIZEN_NAMES[0]!).first().waitFor({ timeout: 60_000 });
    await page.getByText(CITIZEN_NAMES[1]!).first().waitFor();
    await waitForSynced(page);
    await waitForServiceWorker(page);

    // …while the files on disk hold only ciphertext (the control strings show the search works).
    const signedIn = await indexedDbBytes(userDataDir);
    expect(holds(signedIn, 'demo-hs-001')).toBe(true); // a dossier id: stored in the clear
    expect(holds(signedIn, 'Đắk La')).toBe(true); // agency names are public and not encrypted
    for (const name of CITIZEN_NAMES) expect(holds(signedIn, name), name).toBe(false);
    for (const cccd of CITIZEN_CCCDS) expect(holds(signedIn, cccd), cccd).toBe(false);

    // 2. A new tab starts locked and unlocks with the password.
    const second = await context.newPage();
    await second.goto(`${server.url}/tiep-nhan`);
    await second.getByRole('heading', { name: 'Phiên làm việc đã khóa' }).waitFor();
    await second.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await second.getByRole('button', { name: 'Mở khóa' }).click();
    await second.getByText('Mật khẩu không đúng.').waitFor();
    await second.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await second.getByRole('button', { name: 'Mở khóa' }).click();
    await second.getByText(CITIZEN_NAMES[0]!).first().waitFor();
    await second.close();

    // 3. Signed out (not a shared PC), with no network: the password still opens the local data.
    await signOut(page);
    await context.setOffline(true);
    await signIn(page, server.url, { password: 'sai-mat-khau' });
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await signIn(page, server.url);
    await page.getByText(CITIZEN_NAMES[0]!).first().waitFor();
    await context.setOffline(false);
    await signOut(page);

    // 4. "Máy dùng chung": signing out wipes the person's database and keys.
    await signIn(page, server.url, { shared: true });
    await page.getByText(CITIZEN_NAMES[0]!).first().waitFor({ timeout: 60_000 });
    await waitForSynced(page);
    // Beside the database: when it last synced, its Automerge actor.
    const besideDatabase = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('motcua-u-motcua-dakla')));
    expect((await besideDatabase()).length).toBeGreaterThan(0);
    await signOut(page);
    await expect.poll(besideDatabase).toEqual([]);
    const left = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      keys: Object.keys(localStorage).filter((k) => k.startsWith('motcua.keys.')),
      unlocked: sessionStorage.getItem('motcua.unlocked'),
    }));
    expect(left.databases.filter((name) => name.includes('motcua-u-motcua-dakla'))).toEqual([]);
    expect(left.keys).toEqual([]);
    expect(left.unlocked).toBeNull();

    const wiped = await indexedDbBytes(userDataDir);
    for (const name of CITIZEN_NAMES) expect(holds(wiped, name), name).toBe(false);

    // With no keys left, an offline sign-in is refused: the device holds nothing of this person.
    await context.setOffline(true);
    await signIn(page, server.url);
    await page.getByText(/Không kết nối được máy chủ/).waitFor();
    await context.setOffline(false);
  });

  it('wipes the device and says so when an administrator revokes it', async () => {
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.getByText(CITIZEN_NAMES[0]!).first().waitFor({ timeout: 60_000 });
    await waitForSynced(page);
    const deviceId = await page.evaluate(() => localStorage.getItem('motcua.deviceId'));
    expect(deviceId).toBeTruthy();

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Device-Id': 'e2e-admin-pc' },
      body: JSON.stringify({ username: 'quantri', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const revoke = await fetch(`${server.url}/api/admin/devices/${encodeURIComponent(deviceId!)}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(revoke.status).toBe(200);

    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Thiết bị này đã bị thu hồi quyền truy cập.').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).filter((d) => d.name?.includes('motcua-u-motcua-dakla')).length))
      .toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua.keys.')))).toEqual([]);
    await page.close();
  });
});
