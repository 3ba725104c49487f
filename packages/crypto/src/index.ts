/**
 * @module @motcua/crypto — WebCrypto-based helpers that run in browsers and Node alike.
 */
export { sha256Hex } from './hash.ts';
export { hashPassword, verifyPassword, PASSWORD_DEFAULTS } from './password.ts';
export type { PasswordHashOptions } from './password.ts';
export { randomToken, randomBytes } from './random.ts';
export { toBytes, toHex, toBase64Url } from './encoding.ts';
export type { BytesLike } from './encoding.ts';
export { CryptoError } from './errors.ts';
export type { CryptoErrorCode } from './errors.ts';
