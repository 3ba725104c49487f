/**
 * Signing key pairs: RSA-2048, RSASSA-PKCS1-v1_5 with SHA-256, the algorithm every PDF verifier
 * accepts (Adobe, poppler, the national signature validators).
 * @module
 */

/** The WebCrypto parameters of every Motcua signing key. */
export const SIGNING_KEY_ALGORITHM: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/**
 * Generates a signing key pair. The private key is non-extractable unless `extractable` is set
 * (only the server's CA key, which must be stored, is extractable).
 *
 * @example
 * const keys = await generateSigningKeyPair(); // keys.privateKey.extractable === false
 */
export async function generateSigningKeyPair(options: { extractable?: boolean } = {}): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(SIGNING_KEY_ALGORITHM, options.extractable ?? false, ['sign', 'verify']);
}

/** Imports a PKCS#8 RSA private key for signing (the CA key kept by the server). */
export async function importSigningPrivateKey(pkcs8: Uint8Array, extractable = false): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, SIGNING_KEY_ALGORITHM, extractable, ['sign']);
}

/** Exports an extractable private key as PKCS#8 DER. */
export async function exportPrivateKey(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
}

/** RSASSA-PKCS1-v1_5 SHA-256 signature of `data`. */
export async function rsaSign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign(SIGNING_KEY_ALGORITHM.name, privateKey, data as Uint8Array<ArrayBuffer>));
}
