/**
 * Reading X.509 certificates: parse, describe (names, validity, usages), fingerprint.
 * @module
 */
import * as asn1js from 'asn1js';
import { Certificate, Time } from 'pkijs';
import { CryptoError } from '../errors.ts';
import { toHex } from '../encoding.ts';
import { bufferOf, derOf, type Der } from './der.ts';
import { readKeyUsage, type KeyUsageName } from './extensions.ts';
import { fromDistinguishedName, type SubjectName } from './names.ts';

/** Parses a DER or PEM certificate; throws `bad_input` when it is not one. */
export function parseCertificate(input: Der | string): Certificate {
  try {
    const asn1 = asn1js.fromBER(bufferOf(derOf(input, 'CERTIFICATE')));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    return new Certificate({ schema: asn1.result });
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('bad_input', `Chứng thư số không đọc được: ${String((error as Error).message ?? error)}`);
  }
}

/** DER of a pkijs certificate. */
export function certificateDer(certificate: Certificate): Der {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

export interface CertificateInfo {
  subject: SubjectName;
  issuer: SubjectName;
  serialNumberHex: string;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  keyUsage: KeyUsageName[];
  /** Lower-case hex SHA-256 of the DER. */
  sha256: string;
}

/** What a person needs to know about a certificate. */
export async function describeCertificate(input: Der | string | Certificate): Promise<CertificateInfo> {
  const certificate = input instanceof Certificate ? input : parseCertificate(input);
  const der = certificateDer(certificate);
  const basic = certificate.extensions?.find((e) => e.extnID === '2.5.29.19');
  const usage = certificate.extensions?.find((e) => e.extnID === '2.5.29.15');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>);
  return {
    subject: fromDistinguishedName(certificate.subject),
    issuer: fromDistinguishedName(certificate.issuer),
    serialNumberHex: toHex(certificate.serialNumber.valueBlock.valueHexView),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    isCa: Boolean((basic?.parsedValue as { cA?: boolean } | undefined)?.cA),
    keyUsage: usage ? readKeyUsage(usage) : [],
    sha256: toHex(new Uint8Array(digest)),
  };
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
export function certificateTime(date: Date): Time {
  return new Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

/** A random positive 16-byte serial number. */
export function randomSerialNumber(): asn1js.Integer {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return new asn1js.Integer({ valueHex: bytes.buffer });
}
