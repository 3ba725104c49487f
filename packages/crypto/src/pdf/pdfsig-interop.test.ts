/**
 * The other direction: a signature made by poppler/NSS (`pdfsig -add-signature`) is accepted by
 * `verifyPdfSignatures`, and signing that file again keeps both signatures valid for `pdfsig`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from './sign-pdf.ts';
import { createTestPki, dejavuSans, type TestPki } from './test-pki.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-interop-'));
const nss = `sql:${join(dir, 'nss')}`;
let pki: TestPki;
let nssSigned: Uint8Array;
let nssCertPem: string;

beforeAll(async () => {
  pki = await createTestPki({ commonName: 'Nguyễn Thị Hoà', organization: 'UBND xã Đắk La' });
  execFileSync('mkdir', ['-p', join(dir, 'nss')]);
  execFileSync('certutil', ['-N', '-d', nss, '--empty-password']);
  writeFileSync(join(dir, 'noise'), crypto.getRandomValues(new Uint8Array(64)));
  execFileSync('certutil', [
    '-S', '-x', '-n', 'nss-signer', '-s', 'CN=Trần Văn Thử,O=Sở Tư pháp tỉnh Kon Tum', '-t', 'CT,C,C',
    '-k', 'rsa', '-g', '2048', '-Z', 'SHA256', '-d', nss, '-z', join(dir, 'noise'),
  ]);
  nssCertPem = execFileSync('certutil', ['-L', '-d', nss, '-n', 'nss-signer', '-a'], { encoding: 'utf8' });
  writeFileSync(join(dir, 'ca.der'), pki.caCertificate);
  execFileSync('certutil', ['-A', '-d', nss, '-n', 'motcua-test-ca', '-t', 'C,C,C', '-i', join(dir, 'ca.der')]);

  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  writeFileSync(join(dir, 'plain.pdf'), await doc.save({ useObjectStreams: false }));
  execFileSync('pdfsig', ['-add-signature', '-nssdir', nss, '-nick', 'nss-signer', '-new-signature-field-name', 'NSS', join(dir, 'plain.pdf'), join(dir, 'nss.pdf')], {
    stdio: 'ignore',
  });
  nssSigned = new Uint8Array(readFileSync(join(dir, 'nss.pdf')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('interoperability with poppler/NSS signatures', () => {
  it('verifies a signature pdfsig made, and catches a changed byte in it', async () => {
    const [report] = await verifyPdfSignatures(nssSigned, { trustAnchors: [nssCertPem] });
    expect(report).toMatchObject({ valid: true, signerName: 'Trần Văn Thử', agency: 'Sở Tư pháp tỉnh Kon Tum', subFilter: 'adbe.pkcs7.detached' });
    const changed = nssSigned.slice();
    changed[200] = changed[200]! ^ 1;
    expect((await verifyPdfSignatures(changed, { trustAnchors: [nssCertPem] }))[0]).toMatchObject({ valid: false, problem: 'modified' });
  });

  it('countersigns that file so that pdfsig accepts both signatures', async () => {
    const both = await signPdf(nssSigned, { signer: pki.signer, stamp: { lines: ['Người ký: Nguyễn Thị Hoà'], fontBytes: dejavuSans() } });
    const reports = await verifyPdfSignatures(both, { trustAnchors: [nssCertPem, pki.caCertificate] });
    expect(reports.map((r) => [r.signerName, r.valid])).toEqual([
      ['Trần Văn Thử', true],
      ['Nguyễn Thị Hoà', true],
    ]);
    writeFileSync(join(dir, 'both.pdf'), both);
    const out = spawnSync('pdfsig', ['-nssdir', nss, join(dir, 'both.pdf')], { encoding: 'utf8' }).stdout;
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(out).toContain('Signer Certificate Common Name: Nguyễn Thị Hoà');
  });
});
