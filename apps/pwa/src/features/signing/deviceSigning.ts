/**
 * Signing and verifying PDFs on the device, offline once enrolled. pdf-lib, pkijs and the font
 * load on demand (this module is itself loaded lazily).
 */
import type { SignatureReport } from '@motcua/crypto/pdf';
import { loadPdfKit } from '../../lib/pdf/loadPdfKit.ts';
import type { DeviceKeystore } from './deviceKeystore.ts';
import { isEnrolled } from './enrollDevice.ts';
import { notEnrolled, SigningError } from './signingError.ts';
import { stampLines, type StampInfo } from './stampLines.ts';

/**
 * Signs `pdfBytes` with `userId`'s device key: a stamp at the top-left of page 1 and a PAdES
 * signature. Throws `SigningError('not_enrolled')` when the device has no valid certificate yet.
 */
export async function signPdfWithDeviceKey(
  keystore: DeviceKeystore,
  userId: string,
  pdfBytes: Uint8Array,
  stamp: StampInfo,
  options: { font?: () => Promise<Uint8Array> } = {},
): Promise<Uint8Array> {
  const identity = await keystore.get(userId);
  const now = new Date();
  if (!isEnrolled(identity, now)) throw notEnrolled();
  const [{ signPdf, createLocalSigner }, { pemBlocks }, fontBytes] = await Promise.all([
    import('@motcua/crypto/pdf'),
    import('@motcua/crypto/pki'),
    options.font ? options.font() : loadPdfKit().then((kit) => kit.font('sans')),
  ]);
  const signer = createLocalSigner({
    privateKey: identity.keys.privateKey,
    certificateChain: [...pemBlocks(identity.certificatePem, 'CERTIFICATE'), ...pemBlocks(identity.chainPem ?? '', 'CERTIFICATE')],
  });
  return signPdf(pdfBytes, {
    signer,
    // The signature carries when it was made; the stamp shows when the document was copied.
    signedAt: now,
    reason: stamp.title?.trim() || 'Ký số bản sao điện tử',
    stamp: { lines: stampLines(stamp), fontBytes },
  });
}

/**
 * Verifies every signature of a PDF against the province CA cached on this device (fetched from
 * `caUrl` and cached when missing and online).
 */
export async function verifyPdfOnDevice(
  keystore: DeviceKeystore,
  pdfBytes: Uint8Array,
  options: { caUrl: string; fetch?: typeof fetch },
): Promise<SignatureReport[]> {
  let anchor = await keystore.getTrustAnchor();
  if (!anchor) {
    try {
      const response = await (options.fetch ?? fetch)(options.caUrl);
      if (response.ok) anchor = await response.text();
    } catch {
      // offline: handled below
    }
    if (!anchor) throw new SigningError('no_trust_anchor', 'Chưa có chứng thư của CA tỉnh trên máy này: cần có mạng một lần để kiểm tra chữ ký');
    await keystore.putTrustAnchor(anchor);
  }
  const { verifyPdfSignatures } = await import('@motcua/crypto/pdf');
  return verifyPdfSignatures(pdfBytes, { trustAnchors: [anchor] });
}
