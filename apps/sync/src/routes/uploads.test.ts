import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadStore } from '../files/tus-uploads.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A 200 kB "PDF": enough bytes to cut in the middle. */
function bigPdf(): Uint8Array {
  const bytes = new Uint8Array(200_000);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
  return bytes;
}

let t: TestApp;
let an: string;
let binh: string;

beforeAll(async () => {
  t = await createTestApp();
  an = await t.token('062099000123');
  binh = await t.token('062301000456');
});
afterAll(() => t.close());

const tus = (token: string, headers: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', ...headers });

async function create(token: string, size: number, type = 'application/pdf'): Promise<Response> {
  return t.app.request('http://localhost/api/uploads', {
    method: 'POST',
    headers: tus(token, { 'Upload-Length': String(size), 'Upload-Metadata': `filename ${b64('Giấy chứng sinh.pdf')},filetype ${b64(type)}` }),
  });
}

/** PATCH that sends `bytes` then, if `cut`, breaks the connection before the end. */
function patch(token: string, location: string, offset: number, bytes: Uint8Array, cut = false) {
  // Sent in 16 kB pieces; a cut link fails after the last piece has been read by the server.
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent < bytes.length) {
        controller.enqueue(bytes.slice(sent, sent + 16_384));
        sent += 16_384;
      } else if (cut) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.error(new Error('link dropped'));
      } else {
        controller.close();
      }
    },
  });
  return Promise.resolve(t.app.request(`http://localhost${location}`, {
    method: 'PATCH',
    headers: tus(token, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
    body,
    duplex: 'half',
  } as RequestInit)).catch((error: unknown) => error);
}

async function offsetOf(token: string, location: string): Promise<Response> {
  return t.app.request(`http://localhost${location}`, { method: 'HEAD', headers: tus(token) });
}

describe('resumable uploads (tus)', () => {
  it('resumes an upload cut in the middle from where it stopped, then stores the blob', async () => {
    const bytes = bigPdf();
    const created = await create(an, bytes.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('Location')!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]+$/);

    await patch(an, location, 0, bytes.subarray(0, 120_000), true);
    const head = await offsetOf(an, location);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('Upload-Offset'));
    expect(offset).toBe(120_000);

    const rest = await patch(an, location, offset, bytes.subarray(offset));
    expect(rest).toBeInstanceOf(Response);
    const done = rest as Response;
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ sha256: sha(bytes), size: bytes.length, mime: 'application/pdf' });
    const file = await t.app.request(`/api/files/${sha(bytes)}`, { headers: { Authorization: `Bearer ${an}` } });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('removes an upload left unfinished for a week, and only such', async () => {
    const partialDir = join(t.dataDir, 'blobs', 'partial');
    const id = (await create(an, 1000)).headers.get('location')!.split('/').at(-1)!;
    const store = uploadStore(partialDir);
    expect(await store.deleteExpired()).toBe(0);
    expect(await readdir(partialDir)).toContain(id);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 8 * 86_400_000);
      expect(await store.deleteExpired()).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
    expect(await readdir(partialDir)).not.toContain(id);
  });

  it('keeps each upload to the user who started it', async () => {
    const created = await create(an, 1000);
    const location = created.headers.get('Location')!;
    expect((await offsetOf(binh, location)).status).toBe(404);
    const stolen = await patch(binh, location, 0, new Uint8Array(10));
    expect((stolen as Response).status).toBe(404);
    expect((await offsetOf(an, location)).status).toBe(200);
  });

  it('refuses other types, lies about the type, oversized uploads and anonymous users', async () => {
    expect((await create(an, 100, 'text/html')).status).toBe(415);
    expect((await create(an, 60 * 1024 * 1024)).status).toBe(413);
    const anonymous = await t.app.request('http://localhost/api/uploads', { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' } });
    expect(anonymous.status).toBe(401);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const created = await create(an, png.length, 'application/pdf');
    const lie = (await patch(an, created.headers.get('Location')!, 0, png)) as Response;
    expect(lie.status).toBe(415);
    expect((await t.app.request(`/api/files/${sha(png)}`, { headers: { Authorization: `Bearer ${an}` } })).status).toBe(404);
  });
});
