/**
 * Keys for encryption at rest: a random data key (AES-GCM 256) that encrypts a person's local
 * database, wrapped by a key derived from their password with Argon2id.
 *
 * @remarks Changing the password re-wraps the data key; the data itself is never re-encrypted.
 * The wrapping key is non-extractable; the data key is extractable only so that it can be wrapped
 * and handed to the database layer.
 * @module
 */
import { argon2id } from 'hash-wasm';
import { toBase64Url } from '../encoding.ts';
import { CryptoError } from '../errors.ts';
import { randomBytes } from '../random.ts';

/** Argon2id cost of the wrapping key (OWASP minimum: 19 MiB, 2 passes, 1 lane). */
export interface KeyDerivationParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const KEY_DERIVATION_DEFAULTS: KeyDerivationParams = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

/** A data key encrypted under a wrapping key: base64url IV and AES-GCM ciphertext (key + tag). */
export interface WrappedDataKey {
  iv: string;
  ciphertext: string;
}

const AES_GCM = { name: 'AES-GCM', length: 256 } as const;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new CryptoError('bad_input', 'expected base64url text');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A fresh 16-byte salt for {@link deriveWrappingKey}, as base64url. */
export function newKeySalt(): string {
  return toBase64Url(randomBytes(16));
}

/**
 * Derives the non-extractable AES-GCM key that wraps the data key, from the password and the
 * stored salt (base64url), with Argon2id.
 *
 * @example
 * const salt = newKeySalt();
 * const wrapping = await deriveWrappingKey('Demo@2026', salt);
 */
export async function deriveWrappingKey(
  password: string,
  salt: string,
  params: KeyDerivationParams = KEY_DERIVATION_DEFAULTS,
): Promise<CryptoKey> {
  if (typeof password !== 'string' || password.length === 0 || password.length > 1024) {
    throw new CryptoError('bad_input', 'password must be a string of 1..1024 characters');
  }
  const saltBytes = fromBase64Url(salt);
  if (saltBytes.length < 8) throw new CryptoError('bad_input', `salt must have at least 8 bytes, got ${saltBytes.length}`);
  const raw = await argon2id({
    password,
    salt: saltBytes,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return crypto.subtle.importKey('raw', new Uint8Array(raw), AES_GCM, false, ['wrapKey', 'unwrapKey']);
}

/** A new random data key (AES-GCM 256, extractable so it can be wrapped). */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(AES_GCM, true, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
}

/** Encrypts the data key under the wrapping key (AES-GCM, fresh 96-bit IV). */
export async function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<WrappedDataKey> {
  const iv = randomBytes(12) as Uint8Array<ArrayBuffer>;
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, { name: 'AES-GCM', iv });
  return { iv: toBase64Url(iv), ciphertext: toBase64Url(new Uint8Array(wrapped)) };
}

/**
 * Decrypts the data key; throws `CryptoError` with code `wrong_key` when the wrapping key is not
 * the one it was wrapped with (a wrong password), or the wrapped key was altered.
 */
export async function unwrapDataKey(wrapped: WrappedDataKey, wrappingKey: CryptoKey): Promise<CryptoKey> {
  const iv = fromBase64Url(wrapped.iv);
  const ciphertext = fromBase64Url(wrapped.ciphertext);
  try {
    return await crypto.subtle.unwrapKey('raw', ciphertext, wrappingKey, { name: 'AES-GCM', iv }, AES_GCM, true, [
      'encrypt',
      'decrypt',
    ]);
  } catch (cause) {
    throw new CryptoError('wrong_key', 'the data key cannot be unwrapped with this key', { cause });
  }
}

/** The data key's 32 bytes as lower-case hex (what a password-based database layer takes). */
export async function exportDataKeyHex(dataKey: CryptoKey): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey));
  let out = '';
  for (const byte of raw) out += byte.toString(16).padStart(2, '0');
  return out;
}
