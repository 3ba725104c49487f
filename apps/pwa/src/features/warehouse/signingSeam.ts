/**
 * The device signing feature, loaded on demand: signs a PDF with the signed-in person's key
 * ("ký số"), with the visible stamp (name, agency, time of copying). When this device holds no
 * certified key yet (never online since sign-in), files are saved unsigned and the caller says so.
 */
import type { StampInfo } from '../signing/index.ts';

export type PdfSigner = (pdf: Uint8Array, stamp: StampInfo) => Promise<Uint8Array>;

/** The signing function, or null when this device cannot sign now. */
export async function loadPdfSigner(): Promise<PdfSigner | null> {
  const signing = await import('../signing/index.ts');
  return (await signing.canSignOnDevice()) ? signing.signPdfOnDevice : null;
}
