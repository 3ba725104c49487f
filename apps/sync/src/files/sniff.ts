/**
 * The three file types the desk accepts, recognized by their magic bytes, not by what the client
 * claims.
 */
export const ACCEPTED_MIME = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME)[number];

const SIGNATURES: { mime: AcceptedMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Bytes needed at the start of a file to recognize it. */
export const SNIFF_BYTES = 8;

export function sniffMime(head: Uint8Array): AcceptedMime | null {
  for (const { mime, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return mime;
  }
  return null;
}

export function isAcceptedMime(value: string): value is AcceptedMime {
  return (ACCEPTED_MIME as readonly string[]).includes(value);
}
