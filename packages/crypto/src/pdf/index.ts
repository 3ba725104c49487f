/**
 * @module @motcua/crypto/pdf — visible, verifiable PDF signatures (CMS detached, PAdES baseline B)
 * with pdf-lib, pkijs and WebCrypto, the same in browsers and Node.
 */
export { signPdf } from './sign-pdf.ts';
export type { SignPdfOptions } from './sign-pdf.ts';
export { verifyPdfSignatures, SIGNATURE_REASONS } from './verify-pdf.ts';
export type { SignatureReport, VerifyPdfOptions } from './verify-pdf.ts';
export type { SignatureProblem } from './verify-cms.ts';
export { createLocalSigner, SIGNING_METHODS } from './signer.ts';
export type { Signer, SigningMethod } from './signer.ts';
export type { StampOptions, StampRect } from './stamp.ts';
export { createCmsSignature } from './cms.ts';
