import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let pwaDir: string;
beforeAll(async () => {
  pwaDir = await mkdtemp(join(tmpdir(), 'motcua-pwa-'));
  await mkdir(join(pwaDir, 'assets'));
  await writeFile(join(pwaDir, 'index.html'), '<!doctype html><title>Một cửa</title>' + '<!-- padding -->'.repeat(200));
  await writeFile(join(pwaDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(pwaDir, 'manifest.webmanifest'), '{"name":"Một cửa"}');
  await writeFile(join(pwaDir, 'assets/index-abc123.js'), 'console.log("app");'.repeat(200));
  t = await createTestApp({ pwaDir });
});
afterAll(async () => {
  await t.close();
  await rm(pwaDir, { recursive: true, force: true });
});

describe('serving the PWA', () => {
  it('caches hashed assets for a year', async () => {
    const response = await t.app.request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
  });

  it('revalidates the shell: index.html, sw.js, the manifest', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await t.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
    }
  });

  it('answers client-side routes with index.html, but never /api paths', async () => {
    const route = await t.app.request('/ho-so/demo-hs-001');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Một cửa</title>');
    const coded = await t.app.request('/ho-so/H34.29.2-230520-0001');
    expect(coded.status).toBe(200);
    const missingAsset = await t.app.request('/assets/index-gone.js');
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.headers.get('Cache-Control')).not.toBe('public, max-age=31536000, immutable');
    const api = await t.app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  it('compresses when the client accepts it', async () => {
    const response = await t.app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('does not serve files outside the folder', async () => {
    const response = await t.app.request('/..%2F..%2Fetc%2Fpasswd');
    expect(await response.text()).not.toContain('root:');
  });
});
