/**
 * Incremental updates: the original bytes stay as they are and the changed and new objects are
 * appended with their own cross-reference section, so signatures already in the file stay valid.
 * @module
 */
import type { PDFDocument, PDFObject, PDFRef } from 'pdf-lib';
import { CryptoError } from '../errors.ts';
import { concatBytes } from '../pki/der.ts';

const encoder = new TextEncoder();

function serialize(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** What the document's objects look like now, to tell later which ones changed. */
export type Snapshot = Map<string, Uint8Array>;

export function snapshot(doc: PDFDocument): Snapshot {
  const out: Snapshot = new Map();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) out.set(ref.tag, serialize(object));
  return out;
}

/** The offset after the last `startxref` of the original file. */
function previousXref(original: Uint8Array): number {
  const tail = new TextDecoder('latin1').decode(original.subarray(Math.max(0, original.length - 2048)));
  const match = [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!match) throw new CryptoError('pdf_unreadable', 'Tệp PDF thiếu bảng tham chiếu (startxref)');
  return Number(match[1]);
}

/**
 * Appends to `original` every object of `doc` that is new or differs from `before`, with a
 * cross-reference table and a trailer pointing back (/Prev) to the original's.
 */
export async function saveIncremental(original: Uint8Array, doc: PDFDocument, before: Snapshot): Promise<Uint8Array> {
  await doc.flush();
  if (doc.context.trailerInfo.Encrypt) throw new CryptoError('pdf_unreadable', 'Không ký được tệp PDF có mật khẩu');
  const changed: Array<[PDFRef, Uint8Array]> = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const bytes = serialize(object);
    if (!sameBytes(before.get(ref.tag), bytes)) changed.push([ref, bytes]);
  }
  changed.sort(([a], [b]) => a.objectNumber - b.objectNumber);

  const parts: Uint8Array[] = [original, encoder.encode('\n')];
  let offset = original.length + 1;
  const offsets: Array<[PDFRef, number]> = [];
  for (const [ref, bytes] of changed) {
    const head = encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const tail = encoder.encode('\nendobj\n');
    offsets.push([ref, offset]);
    parts.push(head, bytes, tail);
    offset += head.length + bytes.length + tail.length;
  }

  let xref = 'xref\n';
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0].objectNumber === offsets[j]![0].objectNumber + 1) j++;
    xref += `${offsets[i]![0].objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const [ref, at] = offsets[k]!;
      xref += `${String(at).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const { Root, Info, ID } = doc.context.trailerInfo;
  const trailer = [
    `/Size ${doc.context.largestObjectNumber + 1}`,
    Root ? `/Root ${Root.toString()}` : '',
    Info ? `/Info ${Info.toString()}` : '',
    ID ? `/ID ${ID.toString()}` : '',
    `/Prev ${previousXref(original)}`,
  ].filter(Boolean);
  parts.push(encoder.encode(`${xref}trailer\n<<${trailer.join(' ')}>>\nstartxref\n${offset}\n%%EOF\n`));
  return concatBytes(parts);
}
