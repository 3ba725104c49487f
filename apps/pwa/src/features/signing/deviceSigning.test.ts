import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCertificateAuthority, issueCertificate, toPem } from '@motcua/crypto/pki';
import { IDBFactory } from 'fake-indexeddb';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeviceKeystore, type DeviceKeystore } from './deviceKeystore.ts';
import { signPdfWithDeviceKey, verifyPdfOnDevice } from './deviceSigning.ts';
import { enrollDevice } from './enrollDevice.ts';
import { SigningError } from './signingError.ts';

const require = createRequire(import.meta.url);
const fontBytes = new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
const font = async () => fontBytes;
const subject = { commonName: 'Phạm Thị Hoa', organization: 'UBND xã Đắk La', userId: 'motcua.dakla' };
const stamp = { signerName: 'Phạm Thị Hoa', agencyName: 'UBND xã Đắk La', at: new Date() };

/** A stand-in for the sync server's /api/pki, with its own CA. */
async function fakePkiServer() {
  let ca = await createCertificateAuthority({ subject: { commonName: 'CA thử nghiệm', country: 'VN' } });
  let caPem = toPem(ca.certificate, 'CERTIFICATE');
  const calls: string[] = [];
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    if (url.pathname === '/api/pki/ca.pem') return new Response(caPem);
    if (new Headers(init?.headers).get('Authorization') !== 'Bearer t') return new Response('{}', { status: 401 });
    if (url.pathname === '/api/pki/subject') return Response.json({ subject });
    const { csrPem } = JSON.parse(String(init?.body)) as { csrPem: string };
    const der = await issueCertificate({ ca: { certificate: ca.certificate, privateKey: ca.keys.privateKey }, csr: csrPem });
    return Response.json({ certificatePem: toPem(der, 'CERTIFICATE'), chainPem: caPem });
  }) as typeof globalThis.fetch;
  return {
    fetch,
    calls,
    get caPem() {
      return caPem;
    },
    /** The server starts over with a new CA. */
    async replaceCa() {
      ca = await createCertificateAuthority({ subject: { commonName: 'CA mới', country: 'VN' } });
      caPem = toPem(ca.certificate, 'CERTIFICATE');
    },
  };
}

let keystore: DeviceKeystore;
let blank: Uint8Array;
let server: Awaited<ReturnType<typeof fakePkiServer>>;

beforeAll(async () => {
  keystore = openDeviceKeystore(new IDBFactory());
  server = await fakePkiServer();
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  blank = await doc.save();
});

const enroll = (getAccessToken = async () => 't' as string | null) =>
  enrollDevice({ userId: 'u-hoa', keystore, baseUrl: 'http://sync.test', getAccessToken, fetch: server.fetch });

describe('device signing', () => {
  it('refuses to sign before enrollment, with a Vietnamese message', async () => {
    const error = await signPdfWithDeviceKey(keystore, 'u-hoa', blank, stamp, { font }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect(error).toMatchObject({ code: 'not_enrolled' });
    expect((error as Error).message).toMatch(/chưa có chứng thư số/);
  });

  it('cannot enroll offline', async () => {
    await expect(enroll(async () => null)).rejects.toMatchObject({ code: 'offline' });
  });

  it('enrolls a non-extractable key once and caches the CA', async () => {
    const identity = await enroll();
    expect(identity.keys.privateKey.extractable).toBe(false);
    expect(identity.certificatePem).toMatch(/BEGIN CERTIFICATE/);
    expect(await keystore.getTrustAnchor()).toBe(server.caPem);
    const stored = await keystore.get('u-hoa');
    expect(stored?.keys.privateKey.extractable).toBe(false);
    const before = server.calls.length;
    await enroll();
    expect(server.calls.slice(before)).toEqual(['/api/pki/ca.pem']);
    expect((await keystore.get('u-hoa'))?.certificatePem).toBe(identity.certificatePem);
  });

  it('signs offline with the stored key; the device verifies it; one changed byte is caught', async () => {
    const signed = await signPdfWithDeviceKey(keystore, 'u-hoa', blank, stamp, { font });
    const offline = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    const [report] = await verifyPdfOnDevice(keystore, signed, { caUrl: 'http://sync.test/api/pki/ca.pem', fetch: offline });
    expect(report).toMatchObject({ valid: true, signerName: 'Phạm Thị Hoa', agency: 'UBND xã Đắk La', method: 'local' });
    const changed = signed.slice();
    changed[100] = changed[100]! ^ 1;
    const [bad] = await verifyPdfOnDevice(keystore, changed, { caUrl: 'http://sync.test/api/pki/ca.pem', fetch: offline });
    expect(bad).toMatchObject({ valid: false, reason: 'Tài liệu đã bị sửa sau khi ký' });
  });

  it('enrolls again when the server publishes a new CA', async () => {
    const before = await keystore.get('u-hoa');
    await server.replaceCa();
    const after = await enroll();
    expect(after.certificatePem).not.toBe(before?.certificatePem);
    expect(await keystore.getTrustAnchor()).toBe(server.caPem);
  });

  it('says why it cannot verify on a device that never saw the CA and is offline', async () => {
    const empty = openDeviceKeystore(new IDBFactory());
    const offline = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    await expect(verifyPdfOnDevice(empty, blank, { caUrl: 'http://x/ca.pem', fetch: offline })).rejects.toMatchObject({ code: 'no_trust_anchor' });
  });
});
