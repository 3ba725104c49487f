import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { sha256Hex } from '@motcua/crypto';
import { createApiClient } from './api-client.ts';
import { closeDatabase, createDatabase, type MotcuaDatabase } from './database.ts';
import { startFileUploader, type FileUploader } from './file-uploader.ts';
import { readFile, saveLocalFile } from './files.ts';
import { enableDevMode, samplePdf, testStorages, uniqueName } from './testing.ts';

beforeAll(() => enableDevMode());

const owner = { ownerCccd: '062099000123', agencyId: '001.29.00.H34', dossierId: null, uploadedBy: 'u-citizen-1' };

/**
 * A fake server: `/api/files` (HEAD/GET by hash) and a minimal tus `/api/uploads` that stores
 * finished uploads by their hash. `cutAt` drops the link once, after that many bytes arrived;
 * `offline` makes every request fail.
 */
function fakeFilesServer(options: { refuse?: number; cutAt?: number; stayDown?: boolean } = {}) {
  const stored = new Map<string, Uint8Array>();
  const uploads = new Map<string, { data: Uint8Array; offset: number; mime: string }>();
  const calls: string[] = [];
  const state = { offline: false, received: 0, cut: false };
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    if (state.offline) throw new TypeError('Failed to fetch');
    calls.push(`${method} ${url.pathname}`);
    if (headers.get('Authorization') !== 'Bearer t') return new Response(null, { status: 401 });
    const [, , area, id = ''] = url.pathname.split('/');
    if (area === 'uploads') {
      if (method === 'POST') {
        if (options.refuse) return Response.json({ error: { code: 'unsupported_type', message: 'Sai định dạng' } }, { status: options.refuse });
        const meta = Object.fromEntries((headers.get('Upload-Metadata') ?? '').split(',').map((kv) => kv.split(' ')).map(([k, v]) => [k, atob(v ?? '')]));
        const uploadId = `u${uploads.size + 1}`;
        uploads.set(uploadId, { data: new Uint8Array(Number(headers.get('Upload-Length'))), offset: 0, mime: meta.filetype ?? '' });
        return new Response(null, { status: 201, headers: { Location: `/api/uploads/${uploadId}`, 'Tus-Resumable': '1.0.0' } });
      }
      const upload = uploads.get(id);
      if (!upload) return new Response(null, { status: 404 });
      const tusHeaders = { 'Upload-Offset': String(upload.offset), 'Upload-Length': String(upload.data.length), 'Tus-Resumable': '1.0.0' };
      if (method === 'HEAD') return new Response(null, { status: 200, headers: tusHeaders });
      if (Number(headers.get('Upload-Offset')) !== upload.offset) return new Response(null, { status: 409 });
      const chunk = new Uint8Array(await new Response(init.body).arrayBuffer());
      const keep = options.cutAt !== undefined && !state.cut ? Math.max(0, Math.min(chunk.length, options.cutAt - upload.offset)) : chunk.length;
      upload.data.set(chunk.subarray(0, keep), upload.offset);
      upload.offset += keep;
      state.received += keep;
      if (keep < chunk.length) {
        state.cut = true;
        state.offline = options.stayDown === true;
        throw new TypeError('network connection lost');
      }
      if (upload.offset < upload.data.length) return new Response(null, { status: 204, headers: { ...tusHeaders, 'Upload-Offset': String(upload.offset) } });
      const hash = await sha256Hex(upload.data);
      stored.set(hash, upload.data);
      return Response.json({ sha256: hash, size: upload.data.length, mime: upload.mime }, { status: 200, headers: { 'Upload-Offset': String(upload.offset) } });
    }
    const bytes = stored.get(id);
    if (!bytes) return new Response(null, { status: 404 });
    return new Response(method === 'HEAD' ? null : (bytes as BodyInit), { status: 200 });
  };
  return { stored, calls, state, fetch, client: createApiClient({ baseUrl: 'http://sync.test', getAccessToken: () => 't', fetch }) };
}

/** A 1.5 MB PDF-looking file (three upload chunks). */
function bigPdf(name = 'ban-scan.pdf'): File {
  const bytes = new Uint8Array(1_500_000);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < bytes.length; i++) bytes[i] = (i * 7 + 13) % 256;
  return new File([bytes], name, { type: 'application/pdf' });
}

/** Upload URLs remembered across uploaders, as localStorage keeps them across tabs. */
function memoryStore() {
  const map = new Map<string, string>();
  return { map, get: (k: string) => map.get(k) ?? null, set: (k: string, v: string) => void map.set(k, v), delete: (k: string) => void map.delete(k) };
}

describe.each(testStorages)('files on $name storage', ({ create }) => {
  let db: MotcuaDatabase | undefined;
  let uploader: FileUploader | undefined;
  afterEach(async () => {
    uploader?.stop();
    uploader = undefined;
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('saves a file offline, reads it back locally, then uploads it once', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const file = samplePdf();
    const meta = await saveLocalFile(db, file, { ...owner, now: new Date('2026-03-02T03:00:00Z') });
    expect(meta).toMatchObject({ name: 'giay-khai-sinh.pdf', mime: 'application/pdf', size: file.size, ownerCccd: owner.ownerCccd });
    expect(meta.sha256).toBe(await sha256Hex(new Uint8Array(await file.arrayBuffer())));
    expect((await db.files.findOne(meta.id).exec())?.sha256).toBe(meta.sha256);

    const local = await readFile(db, meta.id);
    expect(local.type).toBe('application/pdf');
    expect(await local.text()).toBe(await file.text());

    const server = fakeFilesServer();
    uploader = startFileUploader(db, server.client);
    await firstValueFrom(uploader.pending$.pipe(filter((n) => n === 0)));
    await uploader.idle();
    expect(server.stored.get(meta.sha256)).toBeDefined();
    expect((await db.blobs.findOne(meta.sha256).exec())?.state).toBe('uploaded');
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);

    // The same bytes saved again are not uploaded again.
    await saveLocalFile(db, samplePdf('ban-sao.pdf'), owner);
    uploader.kick();
    await uploader.idle();
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
  });

  it('skips the upload when the server already has the bytes', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const server = fakeFilesServer();
    const file = samplePdf('a.pdf', 'known');
    const bytes = new Uint8Array(await file.arrayBuffer());
    server.stored.set(await sha256Hex(bytes), bytes);
    uploader = startFileUploader(db, server.client);
    const meta = await saveLocalFile(db, file, owner);
    await firstValueFrom(uploader.pending$.pipe(filter((n) => n === 0)));
    await uploader.idle();
    expect(server.calls).toEqual([`HEAD /api/files/${meta.sha256}`]);
  });

  it('marks a file the server refuses for good as rejected', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const server = fakeFilesServer({ refuse: 415 });
    uploader = startFileUploader(db, server.client);
    const meta = await saveLocalFile(db, samplePdf('b.pdf', 'refused'), owner);
    await firstValueFrom(uploader.pending$.pipe(filter((n) => n === 0)));
    const blob = await db.blobs.findOne(meta.sha256).exec();
    expect(blob?.state).toBe('rejected');
    expect(blob?.error).toContain('Sai định dạng');
  });

  it('downloads a file it does not hold, checks its hash and caches it', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const server = fakeFilesServer();
    const file = samplePdf('c.pdf', 'remote');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    server.stored.set(sha256, bytes);
    await db.files.insert({
      id: 'f-remote', sha256, name: 'c.pdf', mime: 'application/pdf', size: bytes.length, ...owner,
      createdAt: '2026-03-02T03:00:00.000Z', updatedAt: 1,
    });
    await expect(readFile(db, 'f-remote')).rejects.toMatchObject({ code: 'file_unavailable' });
    const read = await readFile(db, 'f-remote', { remote: { client: server.client } });
    expect(await read.text()).toBe(await file.text());
    expect((await db.blobs.findOne(sha256).exec())?.state).toBe('cached');
    expect(await (await readFile(db, 'f-remote')).text()).toBe(await file.text());
    expect(server.calls.filter((c) => c.startsWith('GET'))).toHaveLength(1);

    server.stored.set(sha256, new Uint8Array([1, 2, 3]));
    await db.blobs.findOne(sha256).remove();
    await expect(readFile(db, 'f-remote', { remote: { client: server.client } })).rejects.toMatchObject({ code: 'file_corrupt' });
  });

  it('resumes an upload cut in the middle from where it stopped', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const server = fakeFilesServer({ cutAt: 700_000 });
    uploader = startFileUploader(db, server.client, { memory: memoryStore() });
    const file = bigPdf();
    const meta = await saveLocalFile(db, file, owner);
    await firstValueFrom(uploader.pending$.pipe(filter((n) => n === 0)));
    await uploader.idle();
    expect(server.state.cut).toBe(true);
    expect(server.stored.get(meta.sha256)).toEqual(new Uint8Array(await file.arrayBuffer()));
    // Every byte crossed the link once: the second try started at 700 000, not at 0.
    expect(server.state.received).toBe(file.size);
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(server.calls).toContain('HEAD /api/uploads/u1');
  }, 20_000);

  it('resumes after the tab was closed mid-upload, from the remembered upload URL', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    const server = fakeFilesServer({ cutAt: 600_000, stayDown: true });
    const memory = memoryStore();
    const file = bigPdf('dong-tab.pdf');
    const meta = await saveLocalFile(db, file, owner);
    // The link drops at 600 000 bytes and stays down; then the tab is closed.
    uploader = startFileUploader(db, server.client, { memory, backoff: { initialMs: 60_000, maxMs: 60_000 } });
    while (!server.state.cut) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    uploader.stop();
    expect(memory.map.get(meta.sha256)).toBe('http://sync.test/api/uploads/u1');

    // A new tab starts a new uploader: it asks where the upload stands and sends only the rest.
    server.state.offline = false;
    const calls = server.calls.length;
    uploader = startFileUploader(db, server.client, { memory });
    await firstValueFrom(uploader.pending$.pipe(filter((n) => n === 0)));
    await uploader.idle();
    expect(server.stored.get(meta.sha256)).toEqual(new Uint8Array(await file.arrayBuffer()));
    expect(server.calls.slice(calls).filter((c) => c.startsWith('POST'))).toHaveLength(0);
    expect(server.state.received).toBe(file.size);
    expect(memory.map.size).toBe(0);
  }, 20_000);

  it('refuses empty, unsupported and disguised files', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    await expect(saveLocalFile(db, new File([], 'x.pdf', { type: 'application/pdf' }), owner)).rejects.toMatchObject({ code: 'file_empty' });
    await expect(saveLocalFile(db, new File(['hello'], 'x.txt', { type: 'text/plain' }), owner)).rejects.toMatchObject({ code: 'file_type' });
    await expect(saveLocalFile(db, new File(['hello'], 'x.pdf', { type: 'application/pdf' }), owner)).rejects.toMatchObject({ code: 'file_type' });
    expect(await db.files.count().exec()).toBe(0);
  });
});
