/**
 * `signPdf`: a visible stamp at the top-left of page 1 and a CMS detached signature (PAdES
 * baseline B) over the whole file, made by any `Signer`.
 * @module
 */
import { PDFDocument } from 'pdf-lib';
import { CryptoError } from '../errors.ts';
import { describeCertificate } from '../pki/certificate.ts';
import { createCmsSignature } from './cms.ts';
import { findSignatures } from './find-signatures.ts';
import { saveIncremental, snapshot } from './incremental.ts';
import { addSignatureField, lowestSignatureEdge, byteRangeContent, fillByteRange, fillContents, findPlaceholder } from './placeholder.ts';
import type { Signer } from './signer.ts';
import { drawStamp, type StampOptions } from './stamp.ts';

export interface SignPdfOptions {
  signer: Signer;
  stamp: StampOptions;
  /** The signing time written into the signature (/M); default now. */
  signedAt?: Date;
  /** /Reason, e.g. "Ký số bản sao điện tử". */
  reason?: string;
  /**
   * `ETSI.CAdES.detached` (default, PAdES baseline: the time is in /M) or `adbe.pkcs7.detached`
   * (adds the CMS signing-time attribute).
   */
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
  /** Bytes reserved for the CMS; default 8192 or more for long chains. */
  placeholderBytes?: number;
}

/**
 * Signs a PDF: draws the stamp, adds a signature field covering it, saves without object streams,
 * then fills /ByteRange and /Contents with a CMS signature over everything else.
 *
 * @remarks
 * A PDF that already carries signatures is extended with an incremental update, so the earlier
 * signatures stay valid and the new stamp goes below the previous ones.
 *
 * @example
 * const signed = await signPdf(pdf, { signer, stamp: { lines: ['Người ký: Nguyễn Thị Hoà'], fontBytes } });
 */
export async function signPdf(pdfBytes: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  const signedAt = options.signedAt ?? new Date();
  const subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
  const chainBytes = options.signer.certificateChain.reduce((n, der) => n + der.length, 0);
  const placeholderBytes = options.placeholderBytes ?? Math.max(8192, chainBytes + 4096);
  const leaf = options.signer.certificateChain[0];
  if (!leaf) throw new CryptoError('bad_input', 'Chưa có chứng thư số để ký');
  const signerName = (await describeCertificate(leaf)).subject.commonName;

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  } catch (error) {
    throw new CryptoError('pdf_unreadable', `Tệp PDF không đọc được: ${String((error as Error).message ?? error)}`);
  }
  if (doc.getPageCount() === 0) throw new CryptoError('pdf_unreadable', 'Tệp PDF không có trang nào để ký');
  // A signed file is only ever appended to: rewriting it would break the signatures it has.
  const earlier = findSignatures(pdfBytes).length;
  const before = earlier > 0 ? snapshot(doc) : null;
  const page = doc.getPage(0);
  const rect = await drawStamp(doc, page, options.stamp, lowestSignatureEdge(page));
  addSignatureField(doc, { page, rect, subFilter, signedAt, method: options.signer.method, signerName, reason: options.reason, placeholderBytes });
  const saved = before
    ? await saveIncremental(pdfBytes, doc, before)
    : await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return fillSignature(saved, before ? pdfBytes.length : 0, { ...options, signedAt, subFilter, placeholderBytes });
}

/** Fills the placeholder of a saved PDF with the signature. */
async function fillSignature(
  pdf: Uint8Array,
  from: number,
  options: SignPdfOptions & { signedAt: Date; placeholderBytes: number; subFilter: string },
): Promise<Uint8Array> {
  const at = findPlaceholder(pdf, options.placeholderBytes, from);
  const range = fillByteRange(pdf, at);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', byteRangeContent(pdf, range) as Uint8Array<ArrayBuffer>));
  const cms = await createCmsSignature({
    contentDigest: digest,
    signer: options.signer,
    signingTime: options.subFilter === 'adbe.pkcs7.detached' ? options.signedAt : undefined,
  });
  fillContents(pdf, at, cms);
  return pdf;
}
