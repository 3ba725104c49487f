import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from './sign-pdf.ts';
import { createTestPki, dejavuSans, type TestPki } from './test-pki.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const hoa = { commonName: 'Nguyễn Thị Hoà', organization: 'UBND xã Đắk La', userId: 'motcua.dakla' };
let pki: TestPki;
let blank: Uint8Array;
const fontBytes = dejavuSans();

beforeAll(async () => {
  pki = await createTestPki(hoa);
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  blank = await doc.save();
});

const sign = (pdf: Uint8Array, signer = pki.signer, signedAt?: Date) =>
  signPdf(pdf, { signer, signedAt, stamp: { lines: ['Người ký: Nguyễn Thị Hoà', 'Cơ quan: UBND xã Đắk La'], fontBytes } });

describe('verifyPdfSignatures', () => {
  it('reports a fresh signature as valid, with the signer, agency, time and method', async () => {
    const [report, ...rest] = await verifyPdfSignatures(await sign(blank), { trustAnchors: [pki.caCertificate] });
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      valid: true,
      reason: null,
      signerName: 'Nguyễn Thị Hoà',
      agency: 'UBND xã Đắk La',
      method: 'local',
      coversWholeDocument: true,
      subFilter: 'ETSI.CAdES.detached',
      issuerName: 'CA thử nghiệm tỉnh Kon Tum',
    });
    expect(Math.abs(report!.signedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('returns no report for an unsigned PDF', async () => {
    expect(await verifyPdfSignatures(blank, { trustAnchors: [pki.caCertificate] })).toEqual([]);
  });

  it('detects a one-byte change anywhere in the signed bytes', async () => {
    const signed = await sign(blank);
    for (const at of [10, Math.floor(signed.length / 2) + 9000, signed.length - 20]) {
      const changed = signed.slice();
      changed[at] = changed[at] === 0x20 ? 0x21 : 0x20;
      const [report] = await verifyPdfSignatures(changed, { trustAnchors: [pki.caCertificate] });
      expect(report?.valid, `byte ${at}`).toBe(false);
      expect(report?.reason).toMatch(/sửa sau khi ký|không khớp|không đúng định dạng/);
    }
  });

  it('names the modification when a byte of the page content changes', async () => {
    const signed = await sign(blank);
    const changed = signed.slice();
    changed[20] = changed[20]! ^ 0x01;
    const [report] = await verifyPdfSignatures(changed, { trustAnchors: [pki.caCertificate] });
    expect(report).toMatchObject({ valid: false, problem: 'modified', reason: 'Tài liệu đã bị sửa sau khi ký' });
  });

  it('refuses a certificate from another CA', async () => {
    const other = await createTestPki(hoa, 'CA lạ');
    const [report] = await verifyPdfSignatures(await sign(blank, other.signer), { trustAnchors: [pki.caCertificate] });
    expect(report).toMatchObject({ valid: false, problem: 'untrusted', reason: 'Chứng thư số không do CA tin cậy cấp' });
    expect(report?.signerName).toBe('Nguyễn Thị Hoà');
  });

  it('refuses bytes appended after the signature', async () => {
    const signed = await sign(blank);
    const appended = new Uint8Array(signed.length + 3);
    appended.set(signed);
    appended.set([0x0a, 0x25, 0x25], signed.length);
    const [report] = await verifyPdfSignatures(appended, { trustAnchors: [pki.caCertificate] });
    expect(report).toMatchObject({ valid: false, problem: 'appended', coversWholeDocument: false });
  });

  it('refuses a signature dated outside the certificate validity', async () => {
    const [report] = await verifyPdfSignatures(await sign(blank, pki.signer, new Date('2035-01-01T00:00:00Z')), {
      trustAnchors: [pki.caCertificate],
    });
    expect(report).toMatchObject({ valid: false, problem: 'expired' });
  });
});

describe('several signatures on one file', () => {
  it('appends a second signature that keeps the first valid, each stamp below the last', async () => {
    const first = await sign(blank);
    const cuong = await pki.signerFor({ commonName: 'Lê Văn Cường', organization: 'UBND xã Đắk La', userId: 'chuyenvien.dakla' });
    const second = await signPdf(first, { signer: cuong, stamp: { lines: ['Người ký: Lê Văn Cường'], fontBytes } });
    expect(second.subarray(0, first.length)).toEqual(first);
    const reports = await verifyPdfSignatures(second, { trustAnchors: [pki.caCertificate] });
    expect(reports.map((r) => [r.signerName, r.valid, r.coversWholeDocument])).toEqual([
      ['Nguyễn Thị Hoà', true, false],
      ['Lê Văn Cường', true, true],
    ]);
    const doc = await PDFDocument.load(second);
    const rects = doc
      .getPage(0)
      .node.Annots()!
      .asArray()
      .map((ref) => (doc.context.lookup(ref) as import('pdf-lib').PDFDict).lookup(PDFName.of('Rect'), PDFArray).asRectangle());
    expect(rects).toHaveLength(2);
    expect(rects[1]!.y + rects[1]!.height).toBeLessThan(rects[0]!.y);
    const changed = second.slice();
    changed[first.length + 30] = changed[first.length + 30]! ^ 1;
    const after = await verifyPdfSignatures(changed, { trustAnchors: [pki.caCertificate] });
    // The change is after the first signature's range: only the second one covers it.
    expect(after.map((r) => r.valid)).toEqual([true, false]);
  });
});
