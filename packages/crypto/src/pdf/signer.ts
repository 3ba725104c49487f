/**
 * The signing seam: whatever holds the private key (this device, a SIM, a remote signing service,
 * a USB token) is a `Signer`. The PDF code only asks it for its certificates and for one signature.
 * @module
 */
import { rsaSign } from '../pki/keys.ts';
import type { Der } from '../pki/der.ts';

/**
 * How a signature was made, as the national signature history records it:
 * - `local`: a non-extractable WebCrypto key on this device (implemented here);
 * - `sim`: a SIM-based signature (PKI SIM) confirmed on the phone;
 * - `smartca`: VNPT SmartCA remote signing, confirmed in its app;
 * - `token`: a USB token (PKCS#11) through a local signing bridge;
 * - `vnpt-ca`: VNPT-CA certificates through its signing plugin;
 * - `neac`: the national root's (NEAC) remote signing service.
 */
export type SigningMethod = 'local' | 'sim' | 'smartca' | 'token' | 'vnpt-ca' | 'neac';

export const SIGNING_METHODS: readonly SigningMethod[] = ['local', 'sim', 'smartca', 'token', 'vnpt-ca', 'neac'];

/**
 * Anything that can sign a PDF for one person.
 *
 * @remarks
 * `sign` receives the DER of the CMS signed attributes and must return an RSASSA-PKCS1-v1_5
 * SHA-256 signature over those bytes (remote services that sign a digest get
 * `SHA-256(bytes)` and return the same value). Adapters for `sim`, `smartca`, `token`, `vnpt-ca`
 * and `neac` implement this interface with the provider's API and add no other surface: the
 * PDF signature, the stamp and the verification stay the same for every method.
 */
export interface Signer {
  method: SigningMethod;
  /** DER certificates: the signer's first, then its issuers (the root may be omitted). */
  certificateChain: Der[];
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/**
 * The first `Signer`: a WebCrypto private key (usually non-extractable, kept in IndexedDB).
 *
 * @example
 * const signer = createLocalSigner({ privateKey: keys.privateKey, certificateChain: [certDer, caDer] });
 */
export function createLocalSigner(options: { privateKey: CryptoKey; certificateChain: Der[] }): Signer {
  return {
    method: 'local',
    certificateChain: options.certificateChain,
    sign: (bytes) => rsaSign(options.privateKey, bytes),
  };
}
