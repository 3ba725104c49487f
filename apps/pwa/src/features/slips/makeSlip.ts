/**
 * One slip of one dossier as a PDF, on the device and offline: the model picks the form in force
 * and fills it, `drawSlip` draws it; pdf-lib, the fonts and the QR encoder load on first use.
 */
import type { Agency, Procedure } from '@motcua/model';
import { dossierSlipInput, renderSlip, selectSlipTemplate, type DossierSlipContext, type SlipKind } from '@motcua/model/slips';
import { loadPdfKit } from '../../lib/pdf/loadPdfKit.ts';
import { drawSlip, type QrMatrix } from './drawSlip.ts';

/** A QR code for `text` with the `qrcode` encoder (loaded on demand), as a module matrix. */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const QRCode = await import('qrcode');
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => Boolean(qr.modules.get(r, c))));
}

export interface SlipRequest extends Omit<DossierSlipContext, 'agency' | 'procedure' | 'now'> {
  kind: SlipKind;
  agency: Pick<Agency, 'name' | 'placeName'>;
  procedure: Pick<Procedure, 'timeLimit'> | null;
  now?: Date;
}

/** Builds the PDF bytes of a slip. */
export async function makeSlip(request: SlipRequest): Promise<Uint8Array> {
  const now = request.now ?? new Date();
  const template = selectSlipTemplate(request.kind, now);
  const slip = renderSlip(template, dossierSlipInput({ ...request, now }));
  return drawSlip(await loadPdfKit(), slip, { qr: qrMatrix, title: `${template.title.join(' ')} — ${request.dossier.code ?? ''}` });
}

/** Opens the PDF in a new tab for the browser's print dialog ("In phiếu"); falls back to a download. */
export function openPdf(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const opened = window.open(url, '_blank');
  if (!opened) {
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.pdf`;
    a.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
