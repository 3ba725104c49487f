/**
 * /api/files: upload raw bytes (type checked by magic bytes, 50 MB limit enforced while streaming,
 * SHA-256 computed and, when the client sends `X-Content-SHA256`, verified), then HEAD/GET by hash
 * for users who uploaded the bytes or can see a `files` document naming them.
 */
import { Readable } from 'node:stream';
import { MAX_FILE_BYTES, type SessionUser } from '@motcua/model';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { HttpError, badRequest, notFound, unprocessable } from '../errors.ts';
import { BlobTooLargeError, type BlobFiles } from '../files/blob-files.ts';
import { canReadBytes } from '../files/file-access.ts';
import { contentDisposition, fileNameFromHeader } from '../files/disposition.ts';
import { isAcceptedMime, sniffMime } from '../files/sniff.ts';
import type { SyncStore } from '../store/types.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const tooLarge = () => new HttpError(413, 'file_too_large', `Tệp vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB`);
const unsupported = (message: string) => new HttpError(415, 'unsupported_type', message);

export function fileRoutes(deps: { store: SyncStore; files: BlobFiles; maxBytes?: number }) {
  const { store, files } = deps;
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const app = new Hono<AuthEnv>();

  const canRead = (user: SessionUser, sha256: string) => canReadBytes(store, user, sha256);

  app.post('/', async (c) => {
    const declared = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!isAcceptedMime(declared)) throw unsupported('Chỉ nhận tệp PDF, JPEG hoặc PNG');
    const length = Number(c.req.header('Content-Length') ?? NaN);
    if (Number.isFinite(length) && length > maxBytes) throw tooLarge();
    const expected = c.req.header('X-Content-SHA256')?.toLowerCase();
    if (expected !== undefined && !SHA256.test(expected)) throw badRequest('invalid_sha256', 'X-Content-SHA256 phải là 64 ký tự hex');
    const body = c.req.raw.body;
    if (!body) throw badRequest('empty_file', 'Tệp rỗng');

    let blob;
    try {
      blob = await files.receive(body, maxBytes);
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw tooLarge();
      throw error;
    }
    try {
      if (blob.size === 0) throw badRequest('empty_file', 'Tệp rỗng');
      const actual = sniffMime(blob.head);
      if (actual !== declared) {
        throw unsupported(`Nội dung tệp không phải ${declared}${actual ? ` (là ${actual})` : ''}`);
      }
      if (expected && expected !== blob.sha256) throw unprocessable('hash_mismatch', 'Mã băm SHA-256 không khớp nội dung tệp');
      await files.commit(blob);
    } catch (error) {
      await files.discard(blob);
      throw error;
    }
    const user = c.get('user');
    await store.blobs.put({ sha256: blob.sha256, size: blob.size, mime: declared }, {
      userId: user.id,
      name: fileNameFromHeader(c.req.header('X-File-Name')),
    });
    return c.json({ sha256: blob.sha256, size: blob.size, mime: declared }, 201);
  });

  app.get('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    const missing = () => notFound('file_not_found', 'Không tìm thấy tệp');
    if (!SHA256.test(sha256)) throw missing();
    const blob = await store.blobs.get(sha256);
    if (!blob || !(await canRead(c.get('user'), sha256)) || !(await files.exists(sha256))) throw missing();
    const headers = {
      'Content-Type': blob.mime,
      'Content-Length': String(blob.size),
      'Content-Disposition': contentDisposition((await store.blobs.nameFor(sha256)) ?? sha256),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(Readable.toWeb(files.open(sha256)) as ReadableStream, 200, headers);
  });

  return app;
}
