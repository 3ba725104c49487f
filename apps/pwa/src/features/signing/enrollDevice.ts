/**
 * Enrollment: the device makes a non-extractable key pair, asks the province CA (through the sync
 * server) to certify it for the signed-in person, and caches the CA certificate as its trust anchor.
 */
import { createCsr, describeCertificate, generateSigningKeyPair, type SubjectName } from '@motcua/crypto/pki';
import type { DeviceIdentity, DeviceKeystore } from './deviceKeystore.ts';
import { SigningError } from './signingError.ts';
import { answerBody } from '../../lib/answerBody.ts';

export interface EnrollOptions {
  userId: string;
  keystore: DeviceKeystore;
  baseUrl: string;
  getAccessToken: () => Promise<string | null>;
  fetch?: typeof fetch;
  now?: Date;
  /** Renew when the certificate expires within this many days (default 30). */
  renewWithinDays?: number;
}

const DAY_MS = 86_400_000;

/** True when the identity holds a certificate valid for more than `days` days after `now`. */
export function isEnrolled(identity: DeviceIdentity | null, now = new Date(), days = 0): identity is DeviceIdentity & { certificatePem: string } {
  return Boolean(identity?.certificatePem && identity.notAfter && Date.parse(identity.notAfter) > now.getTime() + days * DAY_MS);
}

/**
 * Makes sure this device can sign for `userId`: returns the stored identity when its certificate
 * is good for a while and the server still publishes the CA cached here (or cannot be reached),
 * otherwise enrolls a fresh key. Throws `SigningError` (`offline`,
 * `enroll_refused`) with a Vietnamese message.
 */
export async function enrollDevice(options: EnrollOptions): Promise<DeviceIdentity> {
  const now = options.now ?? new Date();
  const existing = await options.keystore.get(options.userId);
  const call = async (path: string, init: RequestInit = {}, auth = true): Promise<Response> => {
    const token = auth ? await options.getAccessToken() : null;
    if (auth && !token) throw new SigningError('offline', 'Cần có mạng và đăng nhập để được cấp chứng thư số');
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(new URL(path, options.baseUrl), { ...init, headers });
    } catch {
      throw new SigningError('offline', 'Không kết nối được máy chủ để cấp chứng thư số');
    }
    if (!response.ok) {
      const body = await answerBody<{ error?: { message?: string } }>(response);
      throw new SigningError('enroll_refused', body?.error?.message ?? `Máy chủ từ chối cấp chứng thư số (${response.status})`);
    }
    return response;
  };

  // Still good, and issued by the CA the server publishes now (a new CA means a new certificate).
  if (isEnrolled(existing, now, options.renewWithinDays ?? 30)) {
    const anchor = await options.keystore.getTrustAnchor();
    const published = await call('/api/pki/ca.pem', {}, false).then(
      (response) => response.text(),
      () => null,
    );
    if (published === null || published === anchor) return existing;
  }

  const { subject } = (await (await call('/api/pki/subject')).json()) as { subject: SubjectName };
  const keys = await generateSigningKeyPair();
  const csr = await createCsr(keys, subject);
  const issued = (await (
    await call('/api/pki/enroll', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ csrPem: csr.pem }) })
  ).json()) as { certificatePem: string; chainPem: string };
  const caPem = await (await call('/api/pki/ca.pem', {}, false)).text();
  const info = await describeCertificate(issued.certificatePem);
  const identity: DeviceIdentity = {
    userId: options.userId,
    keys,
    certificatePem: issued.certificatePem,
    chainPem: issued.chainPem,
    notAfter: info.notAfter.toISOString(),
    enrolledAt: now.toISOString(),
  };
  await options.keystore.put(identity);
  await options.keystore.putTrustAnchor(caPem);
  return identity;
}
