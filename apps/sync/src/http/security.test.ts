import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ corsOrigins: ['https://cong.kontum.gov.vn'] });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict CSP, nosniff and no framing; HSTS only over TLS', async () => {
    const plain = await t.call('GET', '/api/health');
    const csp = plain.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' blob: data:");
    expect(csp).not.toContain("'unsafe-inline'; script");
    expect(plain.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(plain.headers.get('X-Frame-Options')).toBe('DENY');
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
    const tls = await t.call('GET', '/api/health', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/);
  });

  it('answers CORS only for configured origins', async () => {
    const preflight = (origin: string) =>
      t.call('OPTIONS', '/api/sync/dossiers/pull', { headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-device-id' } });
    const allowed = await preflight('https://cong.kontum.gov.vn');
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://cong.kontum.gov.vn');
    expect(allowed.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-device-id');
    expect((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('limits bodies of routes that set no limit of their own', async () => {
    const token = await t.token('motcua.dakla');
    const response = await t.call('POST', '/api/population/check', { token, body: JSON.stringify({ cccd: 'x'.repeat(100_000) }) });
    expect(response.status).toBe(413);
  });
});
