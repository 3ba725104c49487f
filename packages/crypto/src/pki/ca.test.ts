import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate } from './ca.ts';
import { describeCertificate, parseCertificate } from './certificate.ts';
import { createCsr, readCsr } from './csr.ts';
import { generateSigningKeyPair } from './keys.ts';
import { CryptoError } from '../errors.ts';

const person = { commonName: 'Nguyễn Thị Hoà', organization: 'UBND xã Đắk La', userId: 'motcua.dakla' };

describe('keys, CSR and the CA', () => {
  it('makes non-extractable signing keys', async () => {
    const keys = await generateSigningKeyPair();
    expect(keys.privateKey.extractable).toBe(false);
    expect((keys.privateKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
  });

  it('builds a CSR the CA reads back in NFC', async () => {
    const keys = await generateSigningKeyPair();
    const csr = await createCsr(keys, { ...person, commonName: person.commonName.normalize('NFD') });
    expect(csr.pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    const read = await readCsr(csr.pem);
    expect(read.signatureValid).toBe(true);
    expect(read.subject).toMatchObject(person);
  });

  it('issues a signing certificate from a CSR, chained to the CA', async () => {
    const { certificate: caDer, keys: caKeys } = await createCertificateAuthority({
      subject: { commonName: 'CA thử nghiệm tỉnh Kon Tum', country: 'VN', province: 'Kon Tum' },
    });
    const caInfo = await describeCertificate(caDer);
    expect(caInfo.isCa).toBe(true);
    expect(caInfo.keyUsage).toEqual(['keyCertSign', 'cRLSign']);

    const keys = await generateSigningKeyPair();
    const csr = await createCsr(keys, person);
    const now = new Date('2026-11-24T08:00:00Z');
    const der = await issueCertificate({ ca: { certificate: caDer, privateKey: caKeys.privateKey }, csr: csr.der, now });
    const info = await describeCertificate(der);
    expect(info.subject).toMatchObject(person);
    expect(info.issuer.commonName).toBe('CA thử nghiệm tỉnh Kon Tum');
    expect(info.isCa).toBe(false);
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.notAfter.getTime() - now.getTime()).toBeGreaterThan(1000 * 86_400_000);
    expect(await parseCertificate(der).verify(parseCertificate(caDer))).toBe(true);
  });

  it('refuses a CSR whose signature does not match its key', async () => {
    const { certificate, keys: caKeys } = await createCertificateAuthority({ subject: { commonName: 'CA' } });
    const csr = await createCsr(await generateSigningKeyPair(), person);
    const forged = csr.der.slice();
    forged[forged.length - 5]! ^= 0xff;
    await expect(issueCertificate({ ca: { certificate, privateKey: caKeys.privateKey }, csr: forged })).rejects.toBeInstanceOf(CryptoError);
  });

  it('refuses keys other than RSA of at least 2048 bits', async () => {
    const { certificate, keys: caKeys } = await createCertificateAuthority({ subject: { commonName: 'CA' } });
    const ec = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const small = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    for (const keys of [ec, small]) {
      const csr = await createCsr(keys, person);
      await expect(issueCertificate({ ca: { certificate, privateKey: caKeys.privateKey }, csr: csr.pem })).rejects.toMatchObject({ code: 'unsupported' });
    }
  });

  it('lets the caller refuse the subject', async () => {
    const { certificate, keys: caKeys } = await createCertificateAuthority({ subject: { commonName: 'CA' } });
    const csr = await createCsr(await generateSigningKeyPair(), person);
    await expect(
      issueCertificate({
        ca: { certificate, privateKey: caKeys.privateKey },
        csr: csr.pem,
        approveSubject: () => {
          throw new Error('not you');
        },
      }),
    ).rejects.toThrow('not you');
  });
});
