/**
 * Renders the receipt (Mẫu 01) as the device would, then reads it back with poppler: the text
 * layer must have the code, the dates and intact Vietnamese diacritics, and the page must rasterize.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as PDFLib from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { createDossierDraft, type Procedure } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { dossierSlipInput, renderSlip, selectSlipTemplate, type SlipKind } from '@motcua/model/slips';
import type { PdfKit } from '../../lib/pdf/loadPdfKit.ts';
import { drawSlip } from './drawSlip.ts';
import { qrMatrix } from './makeSlip.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = { serif: 'DejaVuSerif.ttf', serifBold: 'DejaVuSerif-Bold.ttf', sans: 'DejaVuSans.ttf' } as const;
const kit: PdfKit = {
  PDFLib,
  fontkit: fontkit as unknown as PdfKit['fontkit'],
  font: async (name) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[name]}`))),
};

const dir = mkdtempSync(join(tmpdir(), 'motcua-slip-'));
afterAll(() => (process.env.KEEP_SLIPS ? undefined : rmSync(dir, { recursive: true, force: true })));

const procedure = seedProcedures().find((p) => p.components.length >= 2) as Procedure;
const now = new Date('2026-03-02T02:35:00.000Z');
const dossier = {
  ...createDossierDraft({
    id: 'd1', procedure, agencyId: '001.29.00.H34', ownerCccd: '062099000123', now, userId: 'u-motcua.dakla', channel: 1,
    applicant: { cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '0912345678', email: '', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum' },
  }),
  code: 'H34.29.2-260302-0007',
  status: 2,
  receivedAt: '2026-03-02T02:30:00.000Z',
  dueAt: '2026-03-06T09:00:00.000Z',
};

async function render(kind: SlipKind): Promise<{ text: string; pdf: string }> {
  const slip = renderSlip(
    selectSlipTemplate(kind, now),
    dossierSlipInput({
      dossier, agency: { name: 'UBND xã Đắk La', placeName: 'Đắk La' }, procedure, officer: { name: 'Phạm Thị Hoa' }, now,
      lookupBase: 'https://motcua.example/tra-cuu', reason: 'Hồ sơ chưa đầy đủ', items: ['Giấy chứng sinh'], newDueAt: '2026-03-10T09:00:00.000Z',
    }),
  );
  const bytes = await drawSlip(kit, slip, { qr: qrMatrix });
  const pdf = join(dir, `${kind}.pdf`);
  writeFileSync(pdf, bytes);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC'), pdf };
}

describe('the receipt PDF', () => {
  it('has the code, the dates and correct diacritics, on one A4 page that rasterizes', async () => {
    const { text, pdf } = await render('receipt');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND XÃ ĐẮK LA');
    expect(text).toContain('Đắk La, ngày 02 tháng 03 năm 2026');
    expect(text).toContain('Mã hồ sơ: H34.29.2-260302-0007');
    expect(text.replace(/\s+/g, ' ')).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 06 tháng 03 năm 2026');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain(procedure.components[0]!.name.slice(0, 20));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(dir, 'receipt')]);
    expect(statSync(join(dir, 'receipt.png')).size).toBeGreaterThan(10_000);
  });

  it.each([
    ['supplement', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'NGƯỜI HƯỚNG DẪN'],
    ['rejection', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Hồ sơ chưa đầy đủ'],
    ['apology', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN', 'ngày 10 tháng 03 năm 2026'],
  ] as const)('renders the %s slip', async (kind, title, phrase) => {
    const { text } = await render(kind);
    expect(text).toContain(title);
    expect(text.replace(/\s+/g, ' ')).toContain(phrase);
  });
});
