/**
 * @module @motcua/crypto/keys — data keys for encryption at rest, wrapped by a password-derived key.
 */
export {
  deriveWrappingKey,
  generateDataKey,
  wrapDataKey,
  unwrapDataKey,
  exportDataKeyHex,
  newKeySalt,
  KEY_DERIVATION_DEFAULTS,
} from './dataKey.ts';
export type { KeyDerivationParams, WrappedDataKey } from './dataKey.ts';
