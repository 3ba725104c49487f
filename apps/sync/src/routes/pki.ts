/**
 * /api/pki — the province CA's certificate (public, stable URLs for verifiers) and enrollment of a
 * device's signing key (signed-in users only): GET /subject tells the device what its CSR must
 * name, POST /enroll { csrPem } → { certificatePem, chainPem }.
 */
import { Hono } from 'hono';
import { requireUser, type AuthEnv } from '../auth/middleware.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { isRecord, readJson } from '../http/body.ts';
import type { Logger } from '../log.ts';
import { enroll, subjectOf } from '../pki/enroll.ts';
import { provinceCaLoader } from '../pki/province-ca.ts';
import type { SyncStore } from '../store/types.ts';

export function pkiRoutes(deps: { store: SyncStore; tokens: AccessTokens; log: Logger }) {
  const ca = provinceCaLoader(deps.store);
  const cacheable = 'public, max-age=3600';
  return new Hono<AuthEnv>()
    .get('/ca.pem', async (c) => {
      const { certificatePem } = await ca();
      return c.body(certificatePem, 200, { 'Content-Type': 'application/x-pem-file', 'Cache-Control': cacheable });
    })
    .get('/ca.cer', async (c) => {
      const { certificate } = await ca();
      return c.body(certificate.slice().buffer, 200, {
        'Content-Type': 'application/pkix-cert',
        'Content-Disposition': 'attachment; filename="motcua-ca.cer"',
        'Cache-Control': cacheable,
      });
    })
    // The subject a CSR from this user must carry (name, agency, login), so devices need not guess it.
    .get('/subject', requireUser(deps.tokens), async (c) => c.json({ subject: await subjectOf(deps.store, c.get('user')) }))
    .post('/enroll', requireUser(deps.tokens), async (c) => {
      const body = await readJson(c);
      const user = c.get('user');
      const issued = await enroll({ store: deps.store, ca: await ca(), user, csrPem: isRecord(body) ? body.csrPem : undefined });
      deps.log.info('certificate issued', { userId: user.id });
      return c.json(issued);
    });
}
