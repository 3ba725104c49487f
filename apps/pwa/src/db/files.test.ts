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

/** A fake `/api/files` that stores bytes by their hash. */
function fakeFilesServer(options: { refuse?: number } = {}) {
  const stored = new Map<string, Uint8Array>();
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (new Headers(init.headers).get('Authorization') !== 'Bearer t') return new Response(null, { status: 401 });
    const sha = url.pathname.split('/')[3] ?? '';
    if (method === 'POST') {
      if (options.refuse) return Response.json({ error: { code: 'unsupported_type', message: 'Sai định dạng' } }, { status: options.refuse });
      const bytes = new Uint8Array(await new Response(init.body).arrayBuffer());
      const hash = await sha256Hex(bytes);
      stored.set(hash, bytes);
      return Response.json({ sha256: hash, size: bytes.length, mime: new Headers(init.headers).get('Content-Type') }, { status: 201 });
    }
    const bytes = stored.get(sha);
    if (!bytes) return new Response(null, { status: 404 });
    return new Response(method === "HEAD" ? null : (bytes as BodyInit), { status: 200 });
  };
  return { stored, calls, fetch, client: createApiClient({ baseUrl: 'http://sync.test', getAccessToken: () => 't', fetch }) };
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

  it('refuses empty, unsupported and disguised files', async () => {
    db = await createDatabase({ storage: create(), name: uniqueName() });
    await expect(saveLocalFile(db, new File([], 'x.pdf', { type: 'application/pdf' }), owner)).rejects.toMatchObject({ code: 'file_empty' });
    await expect(saveLocalFile(db, new File(['hello'], 'x.txt', { type: 'text/plain' }), owner)).rejects.toMatchObject({ code: 'file_type' });
    await expect(saveLocalFile(db, new File(['hello'], 'x.pdf', { type: 'application/pdf' }), owner)).rejects.toMatchObject({ code: 'file_type' });
    expect(await db.files.count().exec()).toBe(0);
  });
});
