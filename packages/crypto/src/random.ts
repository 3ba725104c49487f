/**
 * Unguessable tokens from the platform's CSPRNG.
 * @module
 */
import { toBase64Url } from './encoding.ts';
import { CryptoError } from './errors.ts';

/** Random bytes (WebCrypto `getRandomValues`). */
export function randomBytes(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > 65536) {
    throw new CryptoError('bad_input', `random length must be an integer in 1..65536, got ${length}`);
  }
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A base64url token of `bytes` random bytes (32 bytes → 43 characters). */
export function randomToken(bytes = 32): string {
  return toBase64Url(randomBytes(bytes));
}
