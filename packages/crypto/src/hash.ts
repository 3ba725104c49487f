/**
 * SHA-256 through WebCrypto, the same in browsers and Node ≥ 20.
 * @module
 */
import { toBytes, toHex, type BytesLike } from './encoding.ts';

/**
 * Lower-case hex SHA-256 of `data` (strings are hashed as UTF-8).
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: BytesLike): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', toBytes(data) as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}
