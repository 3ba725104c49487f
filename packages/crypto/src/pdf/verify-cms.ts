/**
 * Checking one CMS detached signature: the content digest, the signature over the signed
 * attributes, and the signer's certificate path up to a trusted CA at the signing time.
 * @module
 */
import * as asn1js from 'asn1js';
import { type Certificate, ContentInfo, SignedData } from 'pkijs';
import { certificateDer } from '../pki/certificate.ts';
import { bufferOf } from '../pki/der.ts';
import { readKeyUsage } from '../pki/extensions.ts';
import { OID } from './cms.ts';

/** Why a signature is not valid, for callers that branch (the text is in `reason`). */
export type SignatureProblem = 'malformed' | 'modified' | 'bad_signature' | 'untrusted' | 'expired' | 'wrong_usage' | 'unsupported';

export interface CmsCheck {
  problem: SignatureProblem | null;
  signerCertificate: Certificate | null;
  /** The CMS signing-time attribute, when present. */
  signingTime: Date | null;
}

const DIGESTS: Record<string, string> = {
  [OID.sha256]: 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.3.14.3.2.26': 'SHA-1',
};

/**
 * Verifies `cms` as a detached signature of `content`; `at` is when the certificates must have
 * been valid (the signing time). `trustAnchors` are the CA certificates to trust.
 */
export async function checkCms(cms: Uint8Array, content: Uint8Array, trustAnchors: Certificate[], at: Date | null): Promise<CmsCheck> {
  let signedData: SignedData;
  try {
    const asn1 = asn1js.fromBER(bufferOf(cms));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    const info = new ContentInfo({ schema: asn1.result });
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new SignedData({ schema: info.content });
  } catch {
    return { problem: 'malformed', signerCertificate: null, signingTime: null };
  }
  const signerInfo = signedData.signerInfos[0];
  const certificates = (signedData.certificates ?? []).filter((c): c is Certificate => 'subjectPublicKeyInfo' in c);
  if (!signerInfo) return { problem: 'malformed', signerCertificate: null, signingTime: null };
  const sid = signerInfo.sid as { issuer?: Certificate['issuer']; serialNumber?: asn1js.Integer };
  const signer =
    certificates.find((c) => sid.issuer && sid.serialNumber && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const timeAttr = attrs.find((a) => a.type === OID.signingTime)?.values[0] as { toDate?: () => Date } | undefined;
  const signingTime = timeAttr?.toDate?.() ?? null;
  const result = (problem: SignatureProblem | null): CmsCheck => ({ problem, signerCertificate: signer, signingTime });

  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) return result('unsupported');
  const digestAttr = attrs.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  if (!digestAttr || !signer) return result('malformed');
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest(digestName, content as Uint8Array<ArrayBuffer>));
  if (!sameBytes(digest, digestAttr.valueBlock.valueHexView)) return result('modified');

  try {
    const verified = await signedData.verify({ signer: 0, data: bufferOf(content), checkChain: false, extendedMode: true });
    if (!verified.signatureVerified) return result('bad_signature');
  } catch {
    return result('bad_signature');
  }

  // PAdES binds the signer's certificate into the signature: a swapped certificate is refused.
  if (!(await signingCertificateMatches(attrs, signer))) return result('bad_signature');

  const usage = signer.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (usage && !readKeyUsage(usage).some((u) => u === 'digitalSignature' || u === 'nonRepudiation')) return result('wrong_usage');
  return result(await checkPath(signer, certificates, trustAnchors, at ?? signingTime ?? new Date()));
}

/** Walks issuer links from the signer to a trust anchor, checking each signature and validity period. */
async function checkPath(leaf: Certificate, pool: Certificate[], anchors: Certificate[], at: Date): Promise<SignatureProblem | null> {
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    if (at < current.notBefore.value || at > current.notAfter.value) return 'expired';
    const anchor = anchors.find((a) => sameBytes(certificateDer(a), certificateDer(current)));
    if (anchor && depth > 0) return null;
    for (const candidate of anchors.filter((a) => a.subject.isEqual(current.issuer))) {
      if (await verifiedBy(current, candidate)) {
        return at < candidate.notBefore.value || at > candidate.notAfter.value ? 'expired' : null;
      }
    }
    const next = pool.find((c) => c !== current && c.subject.isEqual(current.issuer));
    if (!next || !isCa(next) || !(await verifiedBy(current, next))) return 'untrusted';
    current = next;
  }
  return 'untrusted';
}

/** When signing-certificate-v2 is present, its first ESSCertIDv2 hash must be the signer's certificate. */
async function signingCertificateMatches(attrs: Array<{ type: string; values: unknown[] }>, signer: Certificate): Promise<boolean> {
  const value = attrs.find((a) => a.type === OID.signingCertificateV2)?.values[0];
  if (!value) return true;
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    let parts = first.valueBlock.value;
    let hashName = 'SHA-256';
    if (parts[0] instanceof asn1js.Sequence) {
      const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      hashName = DIGESTS[oid] ?? '';
      parts = parts.slice(1);
    }
    if (!hashName || !(parts[0] instanceof asn1js.OctetString)) return false;
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hashName, certificateDer(signer) as Uint8Array<ArrayBuffer>));
    return sameBytes(digest, parts[0].valueBlock.valueHexView);
  } catch {
    return false;
  }
}

async function verifiedBy(certificate: Certificate, issuer: Certificate): Promise<boolean> {
  try {
    return await certificate.verify(issuer);
  } catch {
    return false;
  }
}

function isCa(certificate: Certificate): boolean {
  const basic = certificate.extensions?.find((e) => e.extnID === '2.5.29.19');
  return Boolean((basic?.parsedValue as { cA?: boolean } | undefined)?.cA);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
