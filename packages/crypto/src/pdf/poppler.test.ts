/**
 * External proof with poppler: `pdfsig` (NSS) accepts our signatures and catches a changed byte,
 * `pdftoppm` shows the stamp at the top-left of page 1, `pdftotext` reads its Vietnamese text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from './sign-pdf.ts';
import { createTestPki, dejavuSans, type TestPki } from './test-pki.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-pdfsig-'));
const nssDir = join(dir, 'nss');
const hoa = { commonName: 'Nguyễn Thị Hoà', organization: 'UBND xã Đắk La', userId: 'hoa.dakla' };
const lines = ['Bản sao điện tử đã ký số', 'Người ký: Nguyễn Thị Hoà', 'Cơ quan: UBND xã Đắk La', 'Thời gian: 24/11/2026 14:05'];
let pki: TestPki;
let blank: Uint8Array;

/** pdfsig's report (it exits non-zero for invalid signatures, so the status is not checked). */
function pdfsig(pdf: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, path], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

beforeAll(async () => {
  pki = await createTestPki(hoa);
  // An NSS database trusting the test CA, the way pdfsig is given a CA.
  execFileSync('mkdir', ['-p', nssDir]);
  execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  writeFileSync(join(dir, 'ca.der'), pki.caCertificate);
  execFileSync('certutil', ['-A', '-d', `sql:${nssDir}`, '-n', 'motcua-test-ca', '-t', 'C,C,C', '-i', join(dir, 'ca.der')]);
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  blank = await doc.save();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['ETSI.CAdES.detached', 'adbe.pkcs7.detached'] as const)('pdfsig with %s', (subFilter) => {
  let signed: Uint8Array;
  beforeAll(async () => {
    signed = await signPdf(blank, { signer: pki.signer, subFilter, stamp: { lines, fontBytes: dejavuSans() } });
  });

  it('reports the signature valid, trusted, covering the whole file, and names the signer', () => {
    const out = pdfsig(signed, `signed-${subFilter}.pdf`);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
    expect(out).toContain('Signer Certificate Common Name: Nguyễn Thị Hoà');
    expect(out).toContain('O=UBND xã Đắk La');
    expect(out).toContain(`Signature Type: ${subFilter}`);
    expect(out).toContain('Total document signed');
  });

  it('reports one changed byte as invalid, as verifyPdfSignatures does', async () => {
    const changed = signed.slice();
    const at = signed.length - 40; // in the trailer, inside the signed range
    changed[at] = changed[at] === 0x20 ? 0x0a : 0x20;
    const out = pdfsig(changed, `changed-${subFilter}.pdf`);
    expect(out).not.toContain('Signature is Valid.');
    expect(out).toMatch(/Digest Mismatch|Signature is Invalid/);
    const [report] = await verifyPdfSignatures(changed, { trustAnchors: [pki.caCertificate] });
    expect(report).toMatchObject({ valid: false, reason: 'Tài liệu đã bị sửa sau khi ký' });
  });
});

describe('pdfsig with two signatures', () => {
  it('accepts both: the first over its revision, the second over the whole file', async () => {
    const first = await signPdf(blank, { signer: pki.signer, stamp: { lines, fontBytes: dejavuSans() } });
    const cuong = await pki.signerFor({ commonName: 'Lê Văn Cường', organization: 'UBND xã Đắk La', userId: 'chuyenvien.dakla' });
    const second = await signPdf(first, { signer: cuong, stamp: { lines: ['Người ký: Lê Văn Cường'], fontBytes: dejavuSans() } });
    const out = pdfsig(second, 'two.pdf');
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(out.match(/Certificate is Trusted\./g)).toHaveLength(2);
    expect(out).toContain('Signer Certificate Common Name: Lê Văn Cường');
    expect(out).toContain('Total document signed');
  });
});

describe('the stamp', () => {
  let path: string;
  beforeAll(async () => {
    const signed = await signPdf(blank, { signer: pki.signer, stamp: { lines, fontBytes: dejavuSans() } });
    path = join(dir, 'stamp.pdf');
    writeFileSync(path, signed);
  });

  it('is drawn in the top-left region of page 1 and nowhere else on a blank page', () => {
    // pdftoppm renders PNG for people; its PGM (same renderer) is read here without a decoder.
    execFileSync('pdftoppm', ['-r', '36', '-f', '1', '-l', '1', '-png', '-singlefile', path, join(dir, 'page')]);
    expect(readFileSync(join(dir, 'page.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(inkByRegion(path)).toMatchObject({ elsewhere: 0 });
    expect(inkByRegion(path).topLeft).toBeGreaterThan(100);
  });

  it.each([90, 180, 270])('stays at the visible top-left of a page turned %i°', async (angle) => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]).setRotation(degrees(angle));
    const signed = await signPdf(await doc.save(), { signer: pki.signer, stamp: { lines, fontBytes: dejavuSans() } });
    const rotated = join(dir, `rotated-${angle}.pdf`);
    writeFileSync(rotated, signed);
    const ink = inkByRegion(rotated);
    expect(ink.elsewhere).toBe(0);
    expect(ink.topLeft).toBeGreaterThan(100);
    const [report] = await verifyPdfSignatures(signed, { trustAnchors: [pki.caCertificate] });
    expect(report?.valid).toBe(true);
  });

  it('reads back as the exact Vietnamese text', () => {
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const line of lines) expect(text).toContain(line);
    expect(text).toContain('Nguyễn Thị Hoà');
    expect(text).toContain('UBND xã Đắk La');
  });
});

/** Dark pixels of page 1 in the visible top-left region (left half, top quarter) and elsewhere. */
function inkByRegion(pdfPath: string): { topLeft: number; elsewhere: number } {
  const out = join(dir, 'ink');
  execFileSync('pdftoppm', ['-r', '36', '-f', '1', '-l', '1', '-gray', '-singlefile', pdfPath, out]);
  const { width, height, pixels } = readPgm(readFileSync(`${out}.pgm`));
  let topLeft = 0;
  let elsewhere = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! > 200) continue;
      if (x < width / 2 && y < height / 4) topLeft++;
      else elsewhere++;
    }
  }
  return { topLeft, elsewhere };
}

/** Binary PGM (P5, 8-bit). */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
}
