/**
 * Resumable uploads with the tus protocol (`@tus/server`, fetch-style `handleWeb`): a dropped link
 * or a closed tab resumes from the last byte the server holds. A finished upload goes through the
 * same checks as `POST /api/files` (magic bytes, 50 MB, SHA-256) and lands in the content-addressed
 * blob store; the partial file is then removed.
 *
 * @remarks Each upload belongs to the user who created it: only they can resume, inspect or end it.
 */
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { Readable } from 'node:stream';
import type { SessionUser } from '@motcua/model';
import { bearerToken } from '../auth/middleware.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import type { SyncStore } from '../store/types.ts';
import { BlobTooLargeError, type BlobFiles } from './blob-files.ts';
import { isAcceptedMime, sniffMime } from './sniff.ts';

export const UPLOADS_PATH = '/api/uploads';

export interface TusDeps {
  store: SyncStore;
  files: BlobFiles;
  tokens: AccessTokens;
  maxBytes: number;
}

/** A tus refusal: `@tus/server` sends `status_code` and `body` as the response. */
const refuse = (status_code: number, code: string, message: string) => ({
  status_code,
  body: JSON.stringify({ error: { code, message } }),
});

/** An upload not finished within a week is dropped (the client then starts it again). */
const UPLOAD_EXPIRY_MS = 7 * 24 * 3_600_000;
const SWEEP_EVERY_MS = 6 * 3_600_000;

/** The partial uploads in `partialDir`. */
export const uploadStore = (partialDir: string): FileStore =>
  new FileStore({ directory: partialDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });

/**
 * Removes expired partial uploads now and every six hours, so that abandoned uploads do not fill a
 * commune server's disk; returns the stop function.
 */
export function startUploadSweeper(partialDir: string, log: Logger): () => void {
  const store = uploadStore(partialDir);
  const sweep = () =>
    void store.deleteExpired().then(
      (removed) => removed > 0 && log.info('expired uploads removed', { removed }),
      (error: unknown) => log.warn('upload sweep failed', { error: String(error) }),
    );
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Creates the tus server over `<blobs>/partial`. */
export function createTusServer(deps: TusDeps): Server {
  const datastore = uploadStore(deps.files.partialDir);

  async function userOf(req: Request): Promise<SessionUser> {
    const token = bearerToken(req.headers.get('authorization') ?? undefined);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
    if (!token) throw refuse(401, 'missing_token', 'Cần đăng nhập (thiếu mã truy cập)');
    try {
      return await deps.tokens.check(token);
    } catch {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
      throw refuse(401, 'invalid_token', 'Phiên đăng nhập đã hết hạn');
    }
  }

  async function finish(req: Request, upload: Upload) {
    const user = await userOf(req);
    const declared = upload.metadata?.filetype ?? '';
    let blob;
    try {
      blob = await deps.files.receive(Readable.toWeb(datastore.read(upload.id)) as ReadableStream<Uint8Array>, deps.maxBytes);
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
      if (error instanceof BlobTooLargeError) throw refuse(413, 'file_too_large', 'Tệp vượt quá dung lượng cho phép');
      throw error;
    } finally {
      // The blob is stored (or refused) already; a leftover upload part is swept when it expires.
      await datastore.remove(upload.id).catch(() => undefined);
    }
    const actual = sniffMime(blob.head);
    if (blob.size === 0 || actual !== declared) {
      await deps.files.discard(blob);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
      throw refuse(415, 'unsupported_type', `Nội dung tệp không phải ${declared}${actual ? ` (là ${actual})` : ''}`);
    }
    await deps.files.commit(blob);
    await deps.store.blobs.put({ sha256: blob.sha256, size: blob.size, mime: declared }, {
      userId: user.id,
      name: (upload.metadata?.filename ?? blob.sha256).slice(0, 255),
    });
    return {
      status_code: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sha256: blob.sha256, size: blob.size, mime: declared }),
    };
  }

  return new Server({
    path: UPLOADS_PATH,
    datastore,
    maxSize: deps.maxBytes,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    async onIncomingRequest(req, uploadId) {
      const user = await userOf(req);
      if (req.method === 'POST' || req.method === 'OPTIONS' || !uploadId) return;
      // An unknown or expired upload id reads as no upload: answered 404 below, like someone else's.
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
      if (upload?.metadata?.owner !== user.id) throw refuse(404, 'upload_not_found', 'Không tìm thấy phiên tải lên');
    },
    async onUploadCreate(req, upload) {
      const user = await userOf(req);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- @tus/server answers a thrown `{ status_code, body }` with that response
      if (!isAcceptedMime(upload.metadata?.filetype ?? '')) throw refuse(415, 'unsupported_type', 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
      return { metadata: { ...upload.metadata, owner: user.id } };
    },
    onUploadFinish: finish,
  });
}
