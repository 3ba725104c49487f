/**
 * Device signing against the real sync server: enrollment names the signed-in officer and agency,
 * the device signs offline, and both the app and poppler's `pdfsig` (given the CA published at
 * /api/pki/ca.cer) accept the signature.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../apps/sync/src/test-app.ts';
import { openDeviceKeystore } from '../../apps/pwa/src/features/signing/deviceKeystore.ts';
import { signPdfWithDeviceKey, verifyPdfOnDevice } from '../../apps/pwa/src/features/signing/deviceSigning.ts';
import { enrollDevice } from '../../apps/pwa/src/features/signing/enrollDevice.ts';

const require = createRequire(import.meta.url);
const fontBytes = new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
const dir = mkdtempSync(join(tmpdir(), 'motcua-signing-'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** fetch over the in-process app. */
const appFetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
  const url = new URL(String(input));
  return t.app.request(url.pathname + url.search, init);
}) as typeof fetch;

describe('device signing with the province CA', () => {
  it('enrolls the receptionist, signs offline, and verifies in the app and in pdfsig', async () => {
    const keystore = openDeviceKeystore(new IDBFactory());
    const token = await t.token('motcua.dakla');
    const identity = await enrollDevice({
      userId: 'u-motcua.dakla',
      keystore,
      baseUrl: 'http://sync.test',
      getAccessToken: async () => token,
      fetch: appFetch,
    });
    expect(identity.keys.privateKey.extractable).toBe(false);

    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const stamp = { signerName: 'Phạm Thị Hoa', agencyName: 'UBND xã Đắk La', at: new Date() };
    const signed = await signPdfWithDeviceKey(keystore, 'u-motcua.dakla', await doc.save(), stamp, { font: async () => fontBytes });

    const offline = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    const [report] = await verifyPdfOnDevice(keystore, signed, { caUrl: 'http://sync.test/api/pki/ca.pem', fetch: offline });
    expect(report).toMatchObject({ valid: true, signerName: 'Phạm Thị Hoa', agency: 'UBND xã Đắk La', issuerName: 'Motcua CA tỉnh Kon Tum' });

    const nss = join(dir, 'nss');
    execFileSync('mkdir', ['-p', nss]);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    writeFileSync(join(dir, 'ca.cer'), new Uint8Array(await (await t.call('GET', '/api/pki/ca.cer')).arrayBuffer()));
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'motcua-ca', '-t', 'C,C,C', '-i', join(dir, 'ca.cer')]);
    writeFileSync(join(dir, 'signed.pdf'), signed);
    const out = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, join(dir, 'signed.pdf')], { encoding: 'utf8' }).stdout;
    expect(out).toContain('Signer Certificate Common Name: Phạm Thị Hoa');
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
  });
});
