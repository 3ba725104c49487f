/**
 * Device signing, loaded on demand: sign a PDF with the signed-in person's certified key and verify
 * the signatures of any PDF. Its views (`PdfSignatureStatus`…) are imported from their own files.
 *
 * @example
 * const { signPdfOnDevice } = await import('../signing/index.ts');
 * const signed = await signPdfOnDevice(pdf, { signerName: 'Phạm Thị Hoa', agencyName: 'UBND xã Đắk La', at: new Date() });
 */
import type { SignatureReport } from '@motcua/crypto/pdf';
import { signPdfWithDeviceKey, verifyPdfOnDevice } from './deviceSigning.ts';
import { CA_URL, currentUserId, deviceKeystore } from './deviceSigningContext.ts';
import { isEnrolled } from './enrollDevice.ts';
import { enrollWhenOnline } from './enrollOnSignIn.ts';
import { auth, session } from '../../lib/session.ts';
import type { StampInfo } from './stampLines.ts';

export type { SignatureReport, StampInfo };

/**
 * Signs a PDF on this device for the signed-in person (works offline once enrolled): a stamp at
 * the top-left of page 1 with `stamp`'s name, agency and time, and a PAdES signature.
 * Throws `SigningError` with code `not_enrolled` and a Vietnamese message before enrollment.
 */
export async function signPdfOnDevice(pdfBytes: Uint8Array, stamp: StampInfo): Promise<Uint8Array> {
  const userId = currentUserId();
  await enrollIfPossible(userId);
  return signPdfWithDeviceKey(deviceKeystore(), userId, pdfBytes, stamp);
}

/** Not enrolled yet but online: try now (a failure leaves the typed `not_enrolled` error to the caller). */
async function enrollIfPossible(userId: string): Promise<void> {
  const user = session()?.user;
  if (!user || user.id !== userId || !navigator.onLine || isEnrolled(await deviceKeystore().get(userId))) return;
  await enrollWhenOnline(user, auth);
}

/** One report per signature of the PDF (empty: not signed), checked against the province CA. */
export async function verifyPdf(pdfBytes: Uint8Array): Promise<SignatureReport[]> {
  return verifyPdfOnDevice(deviceKeystore(), pdfBytes, { caUrl: new URL(CA_URL, location.origin).href });
}

/** True when the signed-in person can sign on this device now (enrolling first when online). */
export async function canSignOnDevice(): Promise<boolean> {
  const id = session()?.user.id;
  if (!id) return false;
  await enrollIfPossible(id);
  return isEnrolled(await deviceKeystore().get(id));
}
