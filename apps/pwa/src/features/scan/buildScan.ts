/**
 * The pages of a scan (photos, image files, PDF files, each with its edits) into one PDF file.
 */
import { assemblePdf, type ScanPart } from './assemblePdf.ts';
import { compressImage, type PageEdit } from './compressImage.ts';
import { pageBudget } from './scanSizing.ts';

export interface ScanPage extends PageEdit {
  id: string;
  source: Blob;
  kind: 'image' | 'pdf';
  name: string;
}

/** Compresses the image pages and assembles everything into `name`.pdf. */
export async function buildScan(pages: readonly ScanPage[], name: string): Promise<File> {
  const budget = pageBudget(pages.filter((p) => p.kind === 'image').length);
  const parts: ScanPart[] = [];
  for (const page of pages) {
    if (page.kind === 'pdf') {
      parts.push({ kind: 'pdf', bytes: new Uint8Array(await page.source.arrayBuffer()) });
    } else {
      const jpeg = await compressImage(page.source, page, budget);
      parts.push({ kind: 'jpeg', bytes: jpeg.bytes, width: jpeg.width, height: jpeg.height });
    }
  }
  const bytes = await assemblePdf(parts, name);
  const safe = name.normalize('NFC').replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 120).trim() || 'ban-scan';
  return new File([bytes as BlobPart], `${safe}.pdf`, { type: 'application/pdf' });
}
