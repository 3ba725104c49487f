/**
 * The signature field and its placeholder: a /Sig dictionary whose /ByteRange and /Contents are
 * reserved in the saved file, then filled once the bytes around them are final.
 * @module
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { CryptoError } from '../errors.ts';
import { visualFrame } from './frame.ts';
import type { StampRect } from './stamp.ts';

/** What `signPdf` writes into the signature dictionary. */
export interface SignatureFieldOptions {
  page: PDFPage;
  rect: StampRect;
  subFilter: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
  signedAt: Date;
  method: string;
  signerName?: string;
  reason?: string;
  /** Bytes reserved for the CMS (the hex string is twice as long). */
  placeholderBytes: number;
}

const BYTE_RANGE_MARK = '**********';

/** Adds an AcroForm signature field whose widget covers the stamp; returns the field's reference. */
export function addSignatureField(doc: PDFDocument, options: SignatureFieldOptions): PDFRef {
  const { context } = doc;
  const mark = PDFName.of(BYTE_RANGE_MARK);
  const sig = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: options.subFilter,
    ByteRange: [PDFNumber.of(0), mark, mark, mark],
    Contents: PDFHexString.of('0'.repeat(options.placeholderBytes * 2)),
    M: PDFString.fromDate(options.signedAt),
    Prop_Build: { App: { Name: 'Motcua', Method: options.method } },
  });
  if (options.signerName) sig.set(PDFName.of('Name'), PDFHexString.fromText(options.signerName.normalize('NFC')));
  if (options.reason) sig.set(PDFName.of('Reason'), PDFHexString.fromText(options.reason.normalize('NFC')));
  const sigRef = context.register(sig);

  const { x, y, width, height } = options.rect;
  // An empty appearance: the stamp itself is page content, so every viewer shows it.
  const appearance = context.register(context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height] }));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  const fieldName = `Chu_ky_${acroForm.getAllFields().length + 1}`;
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x, y, x + width, y + height],
    V: sigRef,
    T: PDFHexString.fromText(fieldName),
    F: 132, // Print + Locked
    P: options.page.ref,
    AP: { N: appearance },
  });
  const widgetRef = context.register(widget);
  options.page.node.addAnnot(widgetRef);
  acroForm.addField(widgetRef);
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  return widgetRef;
}

/**
 * The lowest visible bottom edge (in the visible frame, see `visualFrame`) of the signature
 * widgets already on `page`, or undefined when none.
 */
export function lowestSignatureEdge(page: PDFPage): number | undefined {
  const frame = visualFrame(page);
  let lowest: number | undefined;
  for (const ref of page.node.Annots()?.asArray() ?? []) {
    const annot = page.doc.context.lookup(ref);
    if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
    if (!rect || rect.height <= 0) continue;
    const [, v1] = frame.toVisual(rect.x, rect.y);
    const [, v2] = frame.toVisual(rect.x + rect.width, rect.y + rect.height);
    lowest = Math.min(lowest ?? Infinity, v1, v2);
  }
  return lowest;
}

/** Where the placeholder sits in the saved bytes. */
export interface Placeholder {
  /** Offset of the `[` … `]` of /ByteRange. */
  byteRangeStart: number;
  byteRangeEnd: number;
  /** Offsets of `<` and just after `>` of /Contents. */
  contentsStart: number;
  contentsEnd: number;
}

const latin1 = new TextDecoder('latin1');

/** Finds the (single, unfilled) placeholder in a saved PDF, at or after `from`. */
export function findPlaceholder(pdf: Uint8Array, placeholderBytes: number, from = 0): Placeholder {
  const text = latin1.decode(pdf);
  const markAt = text.indexOf(`/${BYTE_RANGE_MARK}`, from);
  const byteRangeStart = markAt < 0 ? -1 : text.lastIndexOf('[', markAt);
  const byteRangeEnd = markAt < 0 ? -1 : text.indexOf(']', markAt) + 1;
  const hex = `<${'0'.repeat(placeholderBytes * 2)}>`;
  const contentsStart = text.indexOf(hex, from);
  if (byteRangeStart < 0 || byteRangeEnd <= 0 || contentsStart < 0) {
    throw new CryptoError('pdf_unreadable', 'Không tìm thấy chỗ dành cho chữ ký trong tệp PDF');
  }
  return { byteRangeStart, byteRangeEnd, contentsStart, contentsEnd: contentsStart + hex.length };
}

/** Writes the real /ByteRange into the placeholder (same length, padded) and returns the range. */
export function fillByteRange(pdf: Uint8Array, at: Placeholder): [number, number, number, number] {
  const range: [number, number, number, number] = [0, at.contentsStart, at.contentsEnd, pdf.length - at.contentsEnd];
  const width = at.byteRangeEnd - at.byteRangeStart;
  let text = `[${range.join(' ')}`;
  if (text.length + 1 > width) throw new CryptoError('pdf_unreadable', 'Chỗ dành cho /ByteRange quá ngắn');
  text = text.padEnd(width - 1, ' ') + ']';
  for (let i = 0; i < width; i++) pdf[at.byteRangeStart + i] = text.charCodeAt(i);
  return range;
}

/** Writes the CMS as hex into /Contents (zero-padded); throws when it does not fit. */
export function fillContents(pdf: Uint8Array, at: Placeholder, cms: Uint8Array): void {
  const room = (at.contentsEnd - at.contentsStart - 2) / 2;
  if (cms.length > room) {
    throw new CryptoError('signature_too_large', `Chữ ký (${cms.length} byte) lớn hơn chỗ dành sẵn (${room} byte)`);
  }
  const digits = '0123456789abcdef';
  let offset = at.contentsStart + 1;
  for (const byte of cms) {
    pdf[offset++] = digits.charCodeAt(byte >> 4);
    pdf[offset++] = digits.charCodeAt(byte & 15);
  }
}

/** The signed bytes: everything but the /Contents hex string. */
export function byteRangeContent(pdf: Uint8Array, range: readonly number[]): Uint8Array {
  const [a, b, c, d] = range as [number, number, number, number];
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}
