/**
 * pdf-lib, fontkit and the DejaVu fonts (full Vietnamese coverage), loaded on demand: they are
 * never part of the first screen, and the service worker precaches them so slips and signatures
 * work offline.
 *
 * @module
 */
import serifUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf?url';
import serifBoldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf?url';
import sansUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

type Fontkit = Parameters<import('pdf-lib').PDFDocument['registerFontkit']>[0];

export type FontName = 'serif' | 'serifBold' | 'sans';

const FONT_URLS: Record<FontName, string> = { serif: serifUrl, serifBold: serifBoldUrl, sans: sansUrl };

export interface PdfKit {
  PDFLib: typeof import('pdf-lib');
  /** Pass to `PDFDocument.registerFontkit` before embedding a font. */
  fontkit: Fontkit;
  /** The bytes of one of the bundled fonts, fetched once. */
  font(name: FontName): Promise<Uint8Array>;
}

let kit: Promise<PdfKit> | undefined;
const fonts = new Map<FontName, Promise<Uint8Array>>();

/** Loads the PDF toolkit once per page. */
export function loadPdfKit(): Promise<PdfKit> {
  kit ??= Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]).then(([PDFLib, fontkitModule]) => ({
    PDFLib,
    fontkit: ((fontkitModule as { default?: Fontkit }).default ?? fontkitModule) as Fontkit,
    font: loadFont,
  }));
  return kit;
}

function loadFont(name: FontName): Promise<Uint8Array> {
  let bytes = fonts.get(name);
  if (!bytes) {
    bytes = fetch(FONT_URLS[name]).then(async (response) => {
      if (!response.ok) throw new Error(`Không tải được phông chữ ${name} (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // A failed font load is forgotten so the next call fetches it again; its error reaches the caller.
    bytes.catch(() => fonts.delete(name));
    fonts.set(name, bytes);
  }
  return bytes;
}

/**
 * pdf-lib draws glyphs without shaping: Vietnamese text must be NFC, or stacked marks (ễ, ế)
 * overlap. Every string drawn into a PDF goes through this.
 */
export function pdfText(text: string): string {
  return text.normalize('NFC');
}
