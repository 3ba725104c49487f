/**
 * The visible signature stamp: a framed block of text at the top-left of page 1 (the rule of the
 * Kon Tum digitization guide), drawn with an embedded font subset so Vietnamese renders and
 * extracts correctly everywhere.
 * @module
 */
import fontkit from '@pdf-lib/fontkit';
import { concatTransformationMatrix, popGraphicsState, pushGraphicsState, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { visualFrame } from './frame.ts';

export interface StampOptions {
  /** The lines to print, top to bottom (each is NFC-normalized before drawing). */
  lines: string[];
  /** A TrueType font with Vietnamese coverage (DejaVu Sans in Motcua). */
  fontBytes: Uint8Array;
}

/** Where a stamp was drawn, in the page's coordinates (origin bottom-left of the unrotated page). */
export interface StampRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MARGIN = 18;
const PADDING = 5;
const FONT_SIZE = 8.5;
const MIN_FONT_SIZE = 5;
const LINE_GAP = 1.35;
const STAMP_COLOR = rgb(0.05, 0.25, 0.6);

/**
 * Draws the stamp at the top-left of `page` as displayed (honouring /Rotate), or just below
 * `below` (the lowest visible edge of the stamps already there, from the visible bottom) so
 * successive signatures never overlap. Returns the stamp's rectangle in page coordinates.
 */
export async function drawStamp(doc: PDFDocument, page: PDFPage, stamp: StampOptions, below?: number): Promise<StampRect> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(stamp.fontBytes, { subset: true });
  const lines = stamp.lines.map((line) => line.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const frame = visualFrame(page);
  const maxTextWidth = Math.max(60, frame.width / 2 - 2 * MARGIN);
  const widest = Math.max(1, ...lines.map((line) => font.widthOfTextAtSize(line, FONT_SIZE)));
  const size = Math.max(MIN_FONT_SIZE, Math.min(FONT_SIZE, (FONT_SIZE * maxTextWidth) / widest));
  const lineHeight = size * LINE_GAP;
  const width = Math.min(widest * (size / FONT_SIZE), maxTextWidth) + 2 * PADDING;
  const height = lines.length * lineHeight + 2 * PADDING - (lineHeight - size);
  const x = MARGIN;
  const top = below === undefined ? frame.height - MARGIN : below - 4;
  const y = Math.max(0, top - height);

  // Drawn in the visible frame, mapped onto the page by one transformation.
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...frame.matrix));
  page.drawRectangle({ x, y, width, height, borderColor: STAMP_COLOR, borderWidth: 0.8 });
  lines.forEach((line, i) => {
    page.drawText(line, {
      x: x + PADDING,
      y: y + height - PADDING - size * 0.8 - i * lineHeight,
      size,
      font,
      color: STAMP_COLOR,
      maxWidth: maxTextWidth,
    });
  });
  page.pushOperators(popGraphicsState());

  const corners = [frame.toPage(x, y), frame.toPage(x + width, y + height)];
  const xs = corners.map(([px]) => px);
  const ys = corners.map(([, py]) => py);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.abs(xs[1]! - xs[0]!), height: Math.abs(ys[1]! - ys[0]!) };
}
