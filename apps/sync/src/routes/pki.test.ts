import { createCsr, describeCertificate, fromPem, generateSigningKeyPair, parseCertificate } from '@motcua/crypto/pki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const hoa = { commonName: 'Phạm Thị Hoa', organization: 'UBND xã Đắk La', userId: 'motcua.dakla' };

async function csrPem(subject: Parameters<typeof createCsr>[1]) {
  return (await createCsr(await generateSigningKeyPair(), subject)).pem;
}

describe('/api/pki', () => {
  it('publishes one stable CA certificate without authentication, as PEM and DER', async () => {
    const pem = await t.call('GET', '/api/pki/ca.pem');
    expect(pem.status).toBe(200);
    expect(pem.headers.get('Content-Type')).toContain('application/x-pem-file');
    const text = await pem.text();
    const cer = await t.call('GET', '/api/pki/ca.cer');
    expect(cer.headers.get('Content-Type')).toBe('application/pkix-cert');
    expect(new Uint8Array(await cer.arrayBuffer())).toEqual(fromPem(text, 'CERTIFICATE'));
    const info = await describeCertificate(text);
    expect(info).toMatchObject({ isCa: true, subject: { commonName: 'Motcua CA tỉnh Kon Tum', country: 'VN' } });
    expect(await (await t.call('GET', '/api/pki/ca.pem')).text()).toBe(text);
  });

  it('keeps the CA key in the store, not in the answer', async () => {
    const stored = await t.store.meta.get('pki_province_ca');
    expect(stored).toContain('privateKey');
    const text = await (await t.call('GET', '/api/pki/ca.pem')).text();
    expect(text).not.toContain('PRIVATE');
  });

  it('issues a signing certificate naming the signed-in officer and agency', async () => {
    const token = await t.token('motcua.dakla');
    const response = await t.call('POST', '/api/pki/enroll', { token, body: { csrPem: await csrPem(hoa) } });
    expect(response.status).toBe(200);
    const { certificatePem, chainPem } = (await response.json()) as { certificatePem: string; chainPem: string };
    const info = await describeCertificate(certificatePem);
    expect(info.subject).toMatchObject(hoa);
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.isCa).toBe(false);
    expect(await parseCertificate(certificatePem).verify(parseCertificate(chainPem))).toBe(true);
  });

  it('tells a device the subject its CSR must carry', async () => {
    const response = await t.call('GET', '/api/pki/subject', { token: await t.token('motcua.dakla') });
    expect(await response.json()).toEqual({ subject: hoa });
    expect((await t.call('GET', '/api/pki/subject')).status).toBe(401);
  });

  it('certifies a citizen without an agency', async () => {
    const token = await t.token('062099000123');
    const response = await t.call('POST', '/api/pki/enroll', {
      token,
      body: { csrPem: await csrPem({ commonName: 'Nguyễn Văn An', userId: '062099000123' }) },
    });
    expect(response.status).toBe(200);
    const { certificatePem } = (await response.json()) as { certificatePem: string };
    expect((await describeCertificate(certificatePem)).subject.organization).toBeUndefined();
  });

  it('refuses a CSR naming someone else or another agency', async () => {
    const token = await t.token('motcua.dakla');
    for (const subject of [
      { ...hoa, commonName: 'Lê Văn Cường' },
      { ...hoa, organization: 'UBND xã Đắk Mar' },
      { ...hoa, userId: 'chutich.dakla' },
    ]) {
      const response = await t.call('POST', '/api/pki/enroll', { token, body: { csrPem: await csrPem(subject) } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'subject_mismatch' } });
    }
  });

  it('refuses garbage and anonymous requests', async () => {
    const token = await t.token('motcua.dakla');
    const bad = await t.call('POST', '/api/pki/enroll', { token, body: { csrPem: 'not a csr' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_csr' } });
    const missing = await t.call('POST', '/api/pki/enroll', { token, body: {} });
    expect(missing.status).toBe(400);
    const anonymous = await t.call('POST', '/api/pki/enroll', { body: { csrPem: await csrPem(hoa) } });
    expect(anonymous.status).toBe(401);
  });
});
