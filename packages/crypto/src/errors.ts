/**
 * Typed failures of `@motcua/crypto`, each with a stable `code` callers can branch on.
 * @module
 */
export type CryptoErrorCode = 'bad_input' | 'bad_hash_format' | 'unsupported' | 'pdf_unreadable' | 'signature_too_large' | 'wrong_key';

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
