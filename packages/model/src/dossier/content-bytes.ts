/**
 * @module dossier/content-bytes — the byte form of a dossier's `content`: its Automerge changes,
 * each one a binary chunk, sorted by their bytes, without duplicates, concatenated and base64-encoded.
 *
 * @remarks Two replicas that hold the same set of changes hold the same bytes, whatever order they
 * merged them in (`Automerge.save` does not promise that: its output follows the order changes were
 * applied). Automerge loads such a concatenation directly, queueing a change until its dependencies
 * arrive. Splitting needs only the chunk header (magic, checksum, type, LEB128 length), so set
 * operations on contents (union, containment) are pure and need no Automerge at all.
 */

const MAGIC = [0x85, 0x6f, 0x4a, 0x83] as const;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));

/** Thrown when a content string is not base64 of whole Automerge chunks. */
export class ContentFormatError extends Error {
  override readonly name = 'ContentFormatError';
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new ContentFormatError('base64 length is not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j]!;
      const v = ch === '=' && i + j >= text.length - pad ? 0 : B64_INDEX.get(ch);
      if (v === undefined) throw new ContentFormatError(`not base64 at ${i + j}`);
      n = (n << 6) | v;
    }
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 255;
  }
  return out;
}

/** Splits concatenated Automerge chunks; throws {@link ContentFormatError} on anything else. */
export function splitChunks(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (MAGIC.some((b, i) => bytes[at + i] !== b)) throw new ContentFormatError(`no Automerge chunk at byte ${at}`);
    let p = at + 9;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= bytes.length || shift > 28) throw new ContentFormatError(`bad chunk length at byte ${at}`);
      const b = bytes[p++]!;
      length += (b & 127) * 2 ** shift;
      if ((b & 128) === 0) break;
    }
    const end = p + length;
    if (end > bytes.length) throw new ContentFormatError(`chunk at byte ${at} runs past the end`);
    chunks.push(bytes.subarray(at, end));
    at = end;
  }
  return chunks;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The canonical content string of a set of changes: sorted by bytes, duplicates dropped. */
export function joinChanges(changes: readonly Uint8Array[]): string {
  const sorted = [...changes].sort(compareBytes).filter((c, i, all) => i === 0 || compareBytes(all[i - 1]!, c) !== 0);
  const out = new Uint8Array(sorted.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of sorted) {
    out.set(c, at);
    at += c.length;
  }
  return encodeBase64(out);
}

/** The changes of a content string. */
export function contentChanges(content: string): Uint8Array[] {
  return splitChunks(decodeBase64(content));
}
