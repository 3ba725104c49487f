/**
 * CMS (PKCS#7) detached signatures as PAdES wants them: content-type, message-digest and
 * signing-certificate-v2 signed attributes, SHA-256, the signer's certificate chain included.
 * @module
 */
import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  type Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { CryptoError } from '../errors.ts';
import { parseCertificate } from '../pki/certificate.ts';
import type { Der } from '../pki/der.ts';
import type { Signer } from './signer.ts';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

export interface CmsSignOptions {
  /** SHA-256 of the signed content (for a PDF: of the ByteRange). */
  contentDigest: Uint8Array;
  signer: Signer;
  /** Adds the CMS signing-time attribute (`adbe.pkcs7.detached`; PAdES puts the time in /M instead). */
  signingTime?: Date;
}

/** Builds a detached CMS SignedData (DER ContentInfo) over a content digest. */
export async function createCmsSignature(options: CmsSignOptions): Promise<Der> {
  const [leafDer] = options.signer.certificateChain;
  if (!leafDer) throw new CryptoError('bad_input', 'Chưa có chứng thư số để ký');
  const chain = options.signer.certificateChain.map((der) => parseCertificate(der));
  const leaf = chain[0]!;

  const attributes = [
    new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: options.contentDigest.slice().buffer })] }),
    new Attribute({ type: OID.signingCertificateV2, values: [await signingCertificateV2(leaf, leafDer)] }),
  ];
  if (options.signingTime) {
    attributes.push(new Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] }));
  }
  // DER orders a SET OF by encoding; signing the same bytes a verifier re-encodes avoids surprises.
  const encoded = attributes.map((a) => ({ attribute: a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((a, b) => compareBytes(a.der, b.der));
  const signedAttrsDer = new Uint8Array(new asn1js.Set({ value: encoded.map((e) => e.attribute.toSchema()) }).toBER(false));
  const signature = await options.signer.sign(signedAttrsDer);

  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes: encoded.map((e) => e.attribute) }),
    signatureAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature.slice().buffer }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [new AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), SHA-256 hash (the default). */
async function signingCertificateV2(leaf: Certificate, leafDer: Der): Promise<asn1js.Sequence> {
  const hash = await globalThis.crypto.subtle.digest('SHA-256', leafDer as Uint8Array<ArrayBuffer>);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: leaf.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: hash }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
