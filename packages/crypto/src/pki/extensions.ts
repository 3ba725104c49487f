/**
 * The X.509 extensions of Motcua certificates: key usage, basic constraints and key identifiers.
 * @module
 */
import * as asn1js from 'asn1js';
import { AuthorityKeyIdentifier, BasicConstraints, Extension, type PublicKeyInfo } from 'pkijs';

/** Key usage bits (RFC 5280 §4.2.1.3), most significant bit first in the first byte. */
export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

export type KeyUsageName = keyof typeof KEY_USAGE;

/** A critical keyUsage extension with DER-minimal unused bits. */
export function keyUsageExtension(usages: KeyUsageName[]): Extension {
  let byte = 0;
  for (const usage of usages) byte |= 0x80 >> KEY_USAGE[usage];
  let unusedBits = 0;
  while (unusedBits < 7 && !(byte & (1 << unusedBits))) unusedBits++;
  const bits = new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });
  return new Extension({ extnID: '2.5.29.15', critical: true, extnValue: bits.toBER(false), parsedValue: bits });
}

/** Reads the key usage names set in a keyUsage extension's value. */
export function readKeyUsage(extension: Extension): KeyUsageName[] {
  const asn1 = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView.slice().buffer);
  if (asn1.offset === -1 || !(asn1.result instanceof asn1js.BitString)) return [];
  const bytes = asn1.result.valueBlock.valueHexView;
  return (Object.keys(KEY_USAGE) as KeyUsageName[]).filter((name) => {
    const bit = KEY_USAGE[name];
    return ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
  });
}

/** A critical basicConstraints extension. */
export function basicConstraintsExtension(ca: boolean): Extension {
  const value = new BasicConstraints(ca ? { cA: true, pathLenConstraint: 0 } : { cA: false });
  return new Extension({ extnID: '2.5.29.19', critical: true, extnValue: value.toSchema().toBER(false), parsedValue: value });
}

/** SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2, method 1). */
export async function keyIdentifier(publicKeyInfo: PublicKeyInfo): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.digest('SHA-1', publicKeyInfo.subjectPublicKey.valueBlock.valueHexView as Uint8Array<ArrayBuffer>);
}

export function subjectKeyIdentifierExtension(id: ArrayBuffer): Extension {
  const value = new asn1js.OctetString({ valueHex: id });
  return new Extension({ extnID: '2.5.29.14', critical: false, extnValue: value.toBER(false), parsedValue: value });
}

export function authorityKeyIdentifierExtension(id: ArrayBuffer): Extension {
  const value = new AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: id }) });
  return new Extension({ extnID: '2.5.29.35', critical: false, extnValue: value.toSchema().toBER(false), parsedValue: value });
}
