/**
 * Hostile input: property-based fuzzing of push and login, SQL-injection and script payloads in
 * text fields, path traversal in file ids, and a 1 GB body that must be cut off early.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullAll, stored, type SecurityContext } from './context.ts';
import { contentEdit, securityDevice } from './device.ts';
import { dossierAt } from './dossiers.ts';
import { attempt, refusedWith } from './tally.ts';

export const PAYLOADS = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '\u0000\u202e',
];

/** A stream of `total` zero bytes in 1 MB chunks, produced only as it is read; counts what was read. */
function lazyBody(total: number) {
  const chunk = new Uint8Array(1024 * 1024);
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

const GB = 1024 * 1024 * 1024;

export function inputSuite(ctx: () => SecurityContext) {
  describe('fuzzing (fast-check)', () => {
    it('push: arbitrary JSON gets 4xx, the server stays up, nothing invalid is stored', async () => {
      const { t, token } = ctx();
      const before = await pullAll(t, token.adminProvince, 'dossiers');
      const collections = fc.constantFrom('dossiers', 'events', 'files', 'warehouse', 'summaries', 'agencies', 'nope', '..%2F..');
      const row = fc.record({ assumedMasterState: fc.oneof(fc.constant(null), fc.object()), newDocumentState: fc.oneof(fc.object(), fc.anything()) }, { requiredKeys: [] });
      const body = fc.oneof(fc.anything(), fc.array(row, { maxLength: 4 }), fc.string());
      await fc.assert(
        fc.asyncProperty(collections, body, fc.constantFrom('citizenAn', 'receptionistDakLa', 'adminProvince') as fc.Arbitrary<'citizenAn' | 'receptionistDakLa' | 'adminProvince'>, async (collection, value, role) => {
          const response = await t.call('POST', `/api/sync/${collection}/push`, { token: token[role], body: JSON.stringify(value) ?? 'undefined' });
          const ok = response.status >= 400 && response.status < 500 || (response.status === 200 && Array.isArray(value) && value.length === 0);
          attempt('attack', `fuzz push ${collection}`, ok, `${response.status} ${JSON.stringify(value)?.slice(0, 120)}`);
        }),
        { numRuns: 150, seed: 20261124 },
      );
      expect((await t.call('GET', '/api/health')).status).toBe(200);
      expect(await pullAll(t, token.adminProvince, 'dossiers')).toEqual(before);
    });

    it('login: arbitrary bodies get 4xx and never a token', async () => {
      const { t } = ctx();
      const body = fc.oneof(
        fc.anything().map((v) => JSON.stringify(v) ?? ''),
        fc.record({ username: fc.oneof(fc.string(), fc.constantFrom(...PAYLOADS), fc.anything()), password: fc.oneof(fc.string(), fc.anything()) }).map((v) => JSON.stringify(v)),
        fc.string(),
      );
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const response = await t.call('POST', '/api/auth/login', { body: raw });
          attempt('attack', 'fuzz login', response.status >= 400 && response.status < 500, `${response.status} ${raw.slice(0, 120)}`);
        }),
        { numRuns: 60, seed: 20261124 },
      );
      expect((await t.call('GET', '/api/health')).status).toBe(200);
    });
  });

  describe('injection payloads are stored and answered as text', () => {
    it('in every text field of a dossier, in a login name and in a registration', async () => {
      const { t, token, user } = ctx();
      // The desk corrects the summary of An's online dossier (its own right at reception); An reads it.
      const draft = await dossierAt(ctx(), 1);
      for (const [i, payload] of PAYLOADS.entries()) {
        const current = (await stored(t, 'dossiers', draft.id))!;
        const edit = { type: 'editContent', changes: contentEdit(current, (c) => ({ ...c, summary: `${payload} #${i}` })) };
        const { response, answer } = await securityDevice(t).act(token.receptionistDakLa, user.receptionistDakLa, current, edit);
        const outcome = (answer?.[0]?.outcome as { status?: string } | undefined)?.status;
        if (outcome !== 'applied') {
          attempt('attack', `payload ${i} refused as input`, response.status === 200 || [400, 403, 422].includes(response.status), `${response.status} ${outcome ?? ''}`);
          continue;
        }
        const seen = (await pullAll(t, token.citizenAn, 'dossiers')).find((d) => d.id === draft.id)!;
        attempt('attack', `payload ${i} stored verbatim`, seen.summary === `${payload} #${i}`, String(seen.summary));
        const login = await t.call('POST', '/api/auth/login', { body: { username: payload, password: payload } });
        await refusedWith('attack', `payload ${i} as login`, login, [401, 400]);
      }
      expect((await t.call('GET', '/api/sync/dossiers/pull', { token: token.citizenBinh })).status).toBe(200);
      const register = await t.call('POST', '/api/auth/register', {
        body: { cccd: '062099000999', code: '<script>alert(1)</script>', phone: '0905000999', password: 'Str0ng!Passw0rd' },
      });
      await refusedWith('attack', 'markup as an activation code', register, [400, 422]);
      // The browser half ("rendered inert") belongs to an e2e spec; JSON answers are never HTML.
      attempt('attack', 'API answers are JSON', (await t.call('GET', '/api/auth/me', { token: token.citizenAn })).headers.get('content-type')?.startsWith('application/json') === true);
    });
  });

  describe('downloads carry a safe name and type', () => {
    it('refuses HTML or a disguised file, and names a hostile upload harmlessly', async () => {
      const { t, token } = ctx();
      const upload = (type: string, bytes: string, name: string) =>
        t.app.request('/api/files', { method: 'POST', headers: { 'Content-Type': type, 'X-File-Name': name, Authorization: `Bearer ${token.receptionistDakLa}` }, body: bytes });
      await refusedWith('attack', 'upload text/html', await upload('text/html', '<script>alert(1)</script>', 'a.html'), [415]);
      await refusedWith('attack', 'HTML declared as PDF', await upload('application/pdf', '<html><script>alert(1)</script></html>', 'a.pdf'), [415]);
      const hostile = encodeURIComponent('x.pdf"; filename=evil.html\r\nSet-Cookie: a=b/../../..');
      const stored = await upload('application/pdf', '%PDF-1.7\n% hostile name\n%%EOF\n', hostile);
      expect(stored.status).toBe(201);
      const { sha256 } = (await stored.json()) as { sha256: string };
      const download = await t.call('GET', `/api/files/${sha256}`, { token: token.receptionistDakLa });
      const disposition = download.headers.get('Content-Disposition') ?? '';
      attempt('attack', 'hostile file name neutralised', /^inline; filename="[A-Za-z0-9._ -]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/.test(disposition), disposition);
      attempt('attack', 'download type and nosniff', download.headers.get('Content-Type') === 'application/pdf' && download.headers.get('X-Content-Type-Options') === 'nosniff');
    });
  });

  describe('path traversal in file ids', () => {
    it.each(['../../../etc/passwd', '..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fpackage.json', `${'a'.repeat(62)}/..`, 'aa/bb/../../x', '....//....//etc/passwd'])('%s', async (id) => {
      const { t, token } = ctx();
      for (const method of ['GET', 'HEAD']) {
        const response = await t.call(method, `/api/files/${id}`, { token: token.adminProvince });
        await refusedWith('attack', `${method} file ${id}`, response, [400, 404]);
      }
      const upload = await t.call('PATCH', `/api/uploads/${id}`, { token: token.adminProvince, headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: 'x' });
      await refusedWith('attack', `PATCH upload ${id}`, upload, [400, 403, 404, 410]);
    });
  });

  describe('a 1 GB body is cut off early, never buffered', () => {
    it.each([
      ['/api/sync/dossiers/push', 'application/json', true],
      ['/api/sync/dossiers/push', 'application/json', false],
      ['/api/auth/login', 'application/json', true],
      ['/api/auth/login', 'application/json', false],
      ['/api/files', 'application/pdf', true],
      ['/api/files', 'application/pdf', false],
      ['/api/population/check', 'application/json', false],
    ] as const)('%s (%s, declared length %s)', async (path, type, declared) => {
      const { t, token } = ctx();
      const { stream, state } = lazyBody(GB);
      const headers: Record<string, string> = { 'Content-Type': type, Authorization: `Bearer ${token.receptionistDakLa}` };
      if (declared) headers['Content-Length'] = String(GB);
      const response = await t.app.request(path, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
      // Only tidying up: the answer was checked above.
      await stream.cancel().catch(() => {});
      const early = state.pulled <= 64 * 1024 * 1024;
      attempt('attack', `1 GB to ${path} (declared ${declared})`, response.status === 413 && early, `${response.status}, read ${state.pulled} bytes`);
    });
  });
}
