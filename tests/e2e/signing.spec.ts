/**
 * Device signing in a real browser: the first online sign-in enrolls a non-extractable key,
 * certified by the province CA, kept in IndexedDB with the CA as trust anchor; a citizen then signs
 * files offline ("Tải tệp và ký số") and `pdfsig` accepts what reached the server.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, useServerAndBrowser, waitForServiceWorker, waitForSynced } from './helpers.ts';
import { pdfProof, signedPdfsIn } from './pdf-proof.ts';

/** What the page's keystore holds for a user, or null before enrollment. */
function readIdentity(page: Page, userId: string) {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, unknown> | null>((resolve) => {
        const open = indexedDB.open('motcua-signing');
        open.onerror = () => resolve(null);
        // Never create the database here: that is the app's job.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('identities')) return resolve(null);
          const get = db.transaction('identities').objectStore('identities').get(id);
          get.onsuccess = async () => {
            const found = get.result as { keys: CryptoKeyPair; certificatePem: string | null } | undefined;
            if (!found?.certificatePem) return resolve(null);
            const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', found.keys.privateKey, new Uint8Array([1, 2, 3]));
            const anchor = await new Promise((done) => {
              const read = db.transaction('settings').objectStore('settings').get('trustAnchor');
              read.onsuccess = () => done(read.result);
            });
            const published = await (await fetch('/api/pki/ca.pem')).text();
            resolve({
              extractable: found.keys.privateKey.extractable,
              algorithm: found.keys.privateKey.algorithm.name,
              certificate: found.certificatePem.startsWith('-----BEGIN CERTIFICATE-----'),
              signatureBytes: signature.byteLength,
              anchorIsPublished: anchor === published,
            });
          };
        };
      }),
    userId,
  );
}

/** Polls the keystore until the user is enrolled (or a minute passed). */
async function waitForEnrollment(page: Page, userId: string) {
  let identity: Record<string, unknown> | null = null;
  for (let i = 0; i < 120 && !identity; i++) {
    identity = await readIdentity(page, userId);
    if (!identity) await page.waitForTimeout(500);
  }
  return identity;
}

describe('device signing certificate', () => {
  const env = useServerAndBrowser();

  it('is enrolled after the first online sign-in, with a non-extractable key kept in IndexedDB', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'motcua.dakla');
    expect(await waitForEnrollment(page, 'u-motcua.dakla')).toEqual({
      extractable: false,
      algorithm: 'RSASSA-PKCS1-v1_5',
      certificate: true,
      signatureBytes: 256,
      anchorIsPublished: true,
    });
    await context.close();
  });

  it('lets a citizen sign files offline; pdfsig accepts them on the server', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 840 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, '062099000123');
    expect(await waitForEnrollment(page, 'u-citizen-an')).toMatchObject({ extractable: false });

    const paper = async (label: string) => {
      const doc = await PDFDocument.create();
      doc.addPage([595.28, 841.89]).drawText(label, { x: 60, y: 400 });
      return Buffer.from(await doc.save());
    };

    await page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).click();
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    await page.getByLabel('Cơ quan tiếp nhận (UBND xã)').selectOption({ label: 'UBND xã Đắk La' });
    // Offline, the signing code comes from the service worker's cache.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const required = page.locator('fieldset.component', { hasText: '(bắt buộc)' });
    const count = await required.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const chooser = page.waitForEvent('filechooser');
      await required.nth(i).getByRole('button', { name: /^Tải tệp và ký số/ }).click();
      await (await chooser).setFiles({ name: `giay-to-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: await paper(`Giay to ${i + 1}`) });
      await required.nth(i).getByText('(đã ký).pdf').waitFor();
    }
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Mới đăng ký').first().waitFor();
    await context.setOffline(false);
    await waitForSynced(page);

    let pdfs: Buffer[] = [];
    for (let i = 0; i < 60 && pdfs.length < count; i++) {
      pdfs = await signedPdfsIn(env.server.dataDir);
      if (pdfs.length < count) await page.waitForTimeout(500);
    }
    expect(pdfs.length).toBeGreaterThanOrEqual(count);

    const { pdfsig, text } = await pdfProof(env.server.url, pdfs[0]!);
    expect(pdfsig).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Certificate is Trusted.');
    expect(text).toContain('Người ký: Nguyễn Văn An');
    await context.close();
  });
});
