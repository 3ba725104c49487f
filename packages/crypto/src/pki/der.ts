/**
 * DER ↔ PEM and the small byte conversions the PKI code needs (no Node `Buffer`: runs in browsers).
 * @module
 */
import { CryptoError } from '../errors.ts';

/** DER-encoded ASN.1 (a certificate, a CSR, a CMS message). */
export type Der = Uint8Array;

/** Standard base64 with padding. */
export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64Decode(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** PEM armour with 64-character lines, e.g. `toPem(der, 'CERTIFICATE')`. */
export function toPem(der: Der, label: string): string {
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block of `text` with the given label (all labels when omitted), in order. */
export function pemBlocks(text: string, label?: string): Der[] {
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  const blocks: Der[] = [];
  for (const match of text.matchAll(pattern)) {
    if (!label || match[1] === label) blocks.push(base64Decode(match[2]!));
  }
  return blocks;
}

/** The first PEM block with the label; throws `bad_input` when there is none. */
export function fromPem(text: string, label: string): Der {
  const block = pemBlocks(text, label)[0];
  if (!block) throw new CryptoError('bad_input', `Không tìm thấy khối PEM "${label}"`);
  return block;
}

/** Accepts DER bytes or PEM text and returns DER. */
export function derOf(input: Der | string, label: string): Der {
  return typeof input === 'string' ? fromPem(input, label) : input;
}

/** A fresh ArrayBuffer holding exactly these bytes (pkijs and asn1js want ArrayBuffers). */
export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
