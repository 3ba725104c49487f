/**
 * @module @motcua/crypto/keys — data keys for encryption at rest, wrapped by a password-derived key,
 * and blind indexes for finding what is stored encrypted.
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
export { blindIndexer } from './blindIndex.ts';
