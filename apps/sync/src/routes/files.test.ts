import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { errorCode, push } from './sync-test-helpers.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TestApp;
let an: string;
let binh: string;
beforeAll(async () => {
  t = await createTestApp({ maxFileBytes: 64 * 1024 });
  an = await t.token('062099000123');
  binh = await t.token('062301000456');
});
afterAll(() => t.close());

function upload(token: string | undefined, bytes: Uint8Array | string, type: string, headers: Record<string, string> = {}) {
  return t.app.request('/api/files', {
    method: 'POST',
    headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: bytes as BodyInit,
  });
}

async function blobFiles(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    // A folder not made yet holds no files.
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else found.push(entry.name);
    }
  };
  await walk(join(t.dataDir, 'blobs'));
  return found;
}

describe('POST /api/files', () => {
  it('stores a PDF under its SHA-256, once, and says so', async () => {
    const response = await upload(an, PDF, 'application/pdf', { 'X-File-Name': encodeURIComponent('Giấy chứng sinh.pdf') });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sha256: sha(PDF), size: PDF.length, mime: 'application/pdf' });
    const again = await upload(an, PDF, 'application/pdf');
    expect(again.status).toBe(201);
    expect((await blobFiles()).filter((name) => name === sha(PDF))).toHaveLength(1);
  });

  it('accepts JPEG and PNG by their magic bytes', async () => {
    expect((await upload(an, JPEG, 'image/jpeg')).status).toBe(201);
    expect((await upload(an, PNG, 'image/png; charset=binary')).status).toBe(201);
  });

  it('refuses bytes that lie about their type with 415 and keeps nothing', async () => {
    const before = await blobFiles();
    const lie = await upload(an, PNG, 'application/pdf');
    expect(lie.status).toBe(415);
    expect(await errorCode(lie)).toBe('unsupported_type');
    const html = await upload(an, '<html><script>alert(1)</script>', 'text/html');
    expect(html.status).toBe(415);
    const disguised = await upload(an, '<html><script>alert(1)</script>', 'image/jpeg');
    expect(disguised.status).toBe(415);
    expect(await blobFiles()).toEqual(before);
  });

  it('refuses a body over the limit with 413 while streaming, and keeps nothing', async () => {
    const before = await blobFiles();
    const big = new Uint8Array(65 * 1024);
    big.set(PDF);
    const declared = await upload(an, big, 'application/pdf');
    expect(declared.status).toBe(413);
    expect(await errorCode(declared)).toBe('file_too_large');
    const early = await upload(an, PDF, 'application/pdf', { 'Content-Length': String(100 * 1024 * 1024) });
    expect(early.status).toBe(413);
    const chunks = [big.subarray(0, 40_000), big.subarray(40_000)];
    const streamed = await t.app.request('/api/files', {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', Authorization: `Bearer ${an}` },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await blobFiles()).toEqual(before);
  });

  it('verifies a declared SHA-256', async () => {
    const wrong = await upload(an, JPEG, 'image/jpeg', { 'X-Content-SHA256': 'f'.repeat(64) });
    expect(wrong.status).toBe(422);
    expect(await errorCode(wrong)).toBe('hash_mismatch');
    const right = await upload(an, JPEG, 'image/jpeg', { 'X-Content-SHA256': sha(JPEG) });
    expect(right.status).toBe(201);
  });

  it('refuses empty bodies and anonymous uploads', async () => {
    expect((await upload(an, new Uint8Array(), 'application/pdf')).status).toBe(400);
    const anonymous = await upload(undefined, PDF, 'application/pdf');
    expect(anonymous.status).toBe(401);
  });
});

describe('GET/HEAD /api/files/:sha256', () => {
  it('serves the uploader the bytes with safe headers', async () => {
    const response = await t.app.request(`/api/files/${sha(PDF)}`, { headers: { Authorization: `Bearer ${an}` } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Disposition')).toBe(
      `inline; filename="Giay chung sinh.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy chứng sinh.pdf')}`,
    );
    const head = await t.app.request(`/api/files/${sha(PDF)}`, { method: 'HEAD', headers: { Authorization: `Bearer ${an}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(PDF.length));
  });

  it('hides the bytes from others until a files document in their scope names them', async () => {
    const get = (token: string) => t.app.request(`/api/files/${sha(PDF)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await get(binh)).status).toBe(404);
    const desk = await t.token('motcua.dakla');
    expect((await get(desk)).status).toBe(404);
    const meta = {
      id: 'file-1', sha256: sha(PDF), name: 'Giấy chứng sinh.pdf', mime: 'application/pdf', size: PDF.length,
      ownerCccd: '062099000123', agencyId: '001.29.00.H34', dossierId: 'demo-hs-001', uploadedBy: 'u-citizen-an',
      createdAt: new Date().toISOString(), updatedAt: Date.now(),
    };
    expect((await push(t, an, 'files', [{ assumedMasterState: null, newDocumentState: meta }])).status).toBe(200);
    expect((await get(desk)).status).toBe(200);
    expect((await get(binh)).status).toBe(404);
    expect((await get(await t.token('motcua.dakmar'))).status).toBe(404);
  });

  it('answers unknown or malformed hashes with 404 JSON', async () => {
    for (const path of ['/api/files/' + 'a'.repeat(64), '/api/files/..%2F..%2Fetc%2Fpasswd', '/api/files/xyz']) {
      const response = await t.app.request(path, { headers: { Authorization: `Bearer ${an}` } });
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toMatch(/not_found/);
    }
  });
});
