/**
 * Byte encodings shared by the hashing and token helpers (no Node `Buffer`: runs in browsers).
 * @module
 */
import { CryptoError } from './errors.ts';

export type BytesLike = Uint8Array | ArrayBuffer | string;

const encoder = new TextEncoder();

/** UTF-8 for strings; a view (no copy) for byte arrays. */
export function toBytes(data: BytesLike): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new CryptoError('bad_input', `expected Uint8Array, ArrayBuffer or string, got ${typeof data}`);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Hex to bytes; an odd last digit is read as its high nibble (as PDF hex strings are padded). */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.length % 2 ? `${hex}0` : hex;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
