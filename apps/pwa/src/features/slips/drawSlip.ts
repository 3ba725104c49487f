/**
 * Draws a filled slip ({@link RenderedSlip} from `@motcua/model/slips`) on A4 with pdf-lib: the
 * two-column header, the title, the body blocks, the tables, the lookup QR code and the signature
 * boxes. It knows the geometry, never the wording: a new circular changes only the model's data.
 */
import type { RenderedSlip } from '@motcua/model/slips';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { PdfKit } from '../../lib/pdf/loadPdfKit.ts';
import { pdfText } from '../../lib/pdf/loadPdfKit.ts';
import { wrapText } from './wrapText.ts';

/** A QR code as a square of dark (true) and light modules. */
export type QrMatrix = boolean[][];

export interface DrawSlipOptions {
  /** Encodes the lookup text as a QR matrix; without it the QR block prints the text only. */
  qr?: (text: string) => QrMatrix | Promise<QrMatrix>;
  title?: string;
}

interface Cursor {
  page: PDFPage;
  y: number;
  /** Width kept free on the right (beside the QR code) down to `reservedUntil`. */
  reserved: number;
  reservedUntil: number;
}

/** Renders the slip to PDF bytes. */
export async function drawSlip(kit: PdfKit, slip: RenderedSlip, options: DrawSlipOptions = {}): Promise<Uint8Array> {
  const { PDFDocument, rgb } = kit.PDFLib;
  const doc = await PDFDocument.create();
  doc.registerFontkit(kit.fontkit);
  const regular = await doc.embedFont(await kit.font('serif'), { subset: true });
  const bold = await doc.embedFont(await kit.font('serifBold'), { subset: true });
  doc.setTitle(pdfText(options.title ?? slip.title.join(' ')));
  doc.setLanguage('vi-VN');
  doc.setCreator('Motcua');

  const L = slip.template.layout;
  const left = L.margin.left;
  const width = L.pageWidth - L.margin.left - L.margin.right;
  const black = rgb(0, 0, 0);
  const newPage = (): Cursor => ({ page: doc.addPage([L.pageWidth, L.pageHeight]), y: L.pageHeight - L.margin.top, reserved: 0, reservedUntil: 0 });
  let at = newPage();
  const lineHeight = (size: number) => size + L.lineGap;

  function ensure(height: number): void {
    if (at.y - height < L.margin.bottom) at = newPage();
  }
  function text(s: string, x: number, y: number, font: PDFFont, size: number): void {
    at.page.drawText(pdfText(s), { x, y, font, size, color: black });
  }
  function centered(s: string, cx: number, y: number, font: PDFFont, size: number): void {
    text(s, cx - font.widthOfTextAtSize(pdfText(s), size) / 2, y, font, size);
  }
  function rule(x1: number, x2: number, y: number): void {
    at.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: black });
  }
  const measure = (font: PDFFont, size: number) => (s: string) => font.widthOfTextAtSize(pdfText(s), size);

  // Header: two columns, each line centred in its column.
  const leftW = width * 0.42;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = at.y - L.headerSize;
  const column = (lines: RenderedSlip['header']['left'], x: number, w: number, ruleAfter: number): number => {
    let y = top;
    lines.forEach((line, i) => {
      const font = line.bold ? bold : regular;
      // The right column's lines are set on one line each, smaller if they must be.
      const size = x === left ? L.headerSize : Math.min(L.headerSize, (w - 4) / font.widthOfTextAtSize(pdfText(line.text), 1));
      for (const part of wrapText(line.text, w - 4, measure(font, size))) {
        centered(part, x + w / 2, y, font, size);
        y -= lineHeight(L.headerSize);
      }
      if (i === ruleAfter) {
        // The short rule under the body's name (left) or under the motto (right).
        const half = x !== left ? Math.min(w / 2 - 2, font.widthOfTextAtSize(pdfText(line.text), L.headerSize) / 2) : 30;
        rule(x + w / 2 - half, x + w / 2 + half, y + L.headerSize - 1);
        y -= 8;
      }
    });
    return y;
  };
  const bottom = Math.min(
    column(slip.header.left, left, leftW, slip.header.left.length - 2),
    column(slip.header.right, rightX, rightW, slip.header.right.length - 2),
  );
  at.y = bottom - 16;

  // Title.
  for (const line of slip.title) {
    for (const part of wrapText(line, width, measure(bold, L.titleSize))) {
      ensure(lineHeight(L.titleSize));
      centered(part, left + width / 2, at.y, bold, L.titleSize);
      at.y -= lineHeight(L.titleSize);
    }
  }
  at.y -= 6;

  for (const block of slip.blocks) {
    if (block.type === 'text') {
      const font = block.bold ? bold : regular;
      const indent = block.indent ?? 0;
      const usable = () => width - indent - (at.y > at.reservedUntil ? at.reserved : 0);
      for (const part of wrapText(block.text, usable(), measure(font, L.fontSize))) {
        ensure(lineHeight(L.fontSize));
        const w = font.widthOfTextAtSize(pdfText(part), L.fontSize);
        const x = block.align === 'center' ? left + (usable() - w) / 2 : block.align === 'right' ? left + usable() - w : left + indent;
        text(part, x, at.y, font, L.fontSize);
        at.y -= lineHeight(L.fontSize);
      }
    } else if (block.type === 'table') {
      const size = L.fontSize - 1;
      const total = block.columns.reduce((s, c) => s + c.width, 0);
      const widths = block.columns.map((c) => (c.width / total) * width);
      const rows = [block.columns.map((c) => c.title), ...block.rows];
      rows.forEach((cells, r) => {
        const font = r === 0 ? bold : regular;
        const wrapped = cells.map((cell, c) => wrapText(cell, widths[c]! - 8, measure(font, size)));
        const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight(size) + 6;
        ensure(height);
        let x = left;
        wrapped.forEach((lines, c) => {
          at.page.drawRectangle({ x, y: at.y - height + size, width: widths[c]!, height, borderColor: black, borderWidth: 0.6 });
          lines.forEach((line, k) => {
            const y = at.y - k * lineHeight(size) - 1;
            if (block.columns[c]!.align === 'center' || r === 0) centered(line, x + widths[c]! / 2, y, font, size);
            else text(line, x + 4, y, font, size);
          });
          x += widths[c]!;
        });
        at.y -= height;
      });
      at.y -= 6;
    } else if (block.type === 'lookupQr') {
      const matrix = options.qr && block.text ? await options.qr(block.text) : null;
      if (!matrix) continue;
      ensure(block.size + 14);
      const x0 = left + width - block.size;
      const cell = block.size / matrix.length;
      const yTop = at.y + L.fontSize;
      matrix.forEach((row, r) =>
        row.forEach((dark, c) => {
          if (dark) at.page.drawRectangle({ x: x0 + c * cell, y: yTop - (r + 1) * cell, width: cell, height: cell, color: black });
        }),
      );
      const capSize = L.fontSize - 3;
      for (const [k, part] of wrapText(block.caption, block.size + 20, measure(regular, capSize)).entries()) {
        centered(part, x0 + block.size / 2, yTop - block.size - capSize - 2 - k * lineHeight(capSize), regular, capSize);
      }
      at.reserved = block.size + 12;
      at.reservedUntil = yTop - block.size - 2 * lineHeight(capSize);
    } else {
      const boxH = 4 * lineHeight(L.fontSize) + 56;
      at.y -= 8;
      ensure(boxH);
      const boxes = [block.left, block.right] as const;
      boxes.forEach((box, i) => {
        if (!box) return;
        const cx = left + (i === 0 ? width * 0.25 : width * 0.75);
        centered(box.title, cx, at.y, bold, L.fontSize);
        centered(box.note, cx, at.y - lineHeight(L.fontSize), regular, L.fontSize - 1);
        if (box.name) centered(box.name, cx, at.y - lineHeight(L.fontSize) * 2 - 56, bold, L.fontSize);
      });
      at.y -= boxH;
    }
  }
  return doc.save();
}
