/**
 * Assembles scanned pages (compressed JPEGs) and PDF files into one PDF with pdf-lib, loaded on
 * demand. Saved without object streams, ready to be signed.
 */
import { loadPdfKit } from '../../lib/pdf/loadPdfKit.ts';
import { placeOnPage } from './scanSizing.ts';

export type ScanPart =
  | { kind: 'jpeg'; bytes: Uint8Array; width: number; height: number }
  | { kind: 'pdf'; bytes: Uint8Array };

/** One PDF of all the parts, in order. */
export async function assemblePdf(parts: readonly ScanPart[], title = 'Bản scan'): Promise<Uint8Array> {
  const { PDFLib } = await loadPdfKit();
  const pdf = await PDFLib.PDFDocument.create();
  pdf.setTitle(title.normalize('NFC'));
  pdf.setProducer('Motcua');
  for (const part of parts) {
    if (part.kind === 'pdf') {
      const source = await PDFLib.PDFDocument.load(part.bytes, { ignoreEncryption: true });
      for (const page of await pdf.copyPages(source, source.getPageIndices())) pdf.addPage(page);
      continue;
    }
    const image = await pdf.embedJpg(part.bytes);
    const place = placeOnPage({ width: part.width, height: part.height });
    const page = pdf.addPage([place.page.width, place.page.height]);
    page.drawImage(image, { x: place.x, y: place.y, width: place.width, height: place.height });
  }
  return pdf.save({ useObjectStreams: false });
}
