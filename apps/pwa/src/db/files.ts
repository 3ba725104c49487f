/**
 * File bytes on this device: save a picked or scanned file (bytes kept locally until uploaded),
 * and read a file's bytes, from the device first, else from the server (then kept as a cache).
 *
 * @remarks Bytes are content addressed: a `blobs` document keyed by the SHA-256 of the bytes holds
 * them as its `data` attachment; the replicated `files` document says who may read them.
 * @module
 */
import { sha256Hex } from '@motcua/crypto';
import { MAX_FILE_BYTES, type FileMeta } from '@motcua/model';
import type { ApiClient } from './api-client.ts';
import { httpError } from './api-client.ts';
import type { MotcuaDatabase } from './database.ts';
import { FileError } from './errors.ts';
import { trimFileCache } from './file-cache.ts';
import { BLOB_ATTACHMENT_ID, type BlobEntry } from './schemas/blob.schema.ts';

export type FileMime = FileMeta['mime'];

/** Who the file belongs to; the rest of `FileMeta` is computed. */
export interface LocalFileMeta {
  /** Id of the `files` document; a random UUID when absent. */
  id?: string;
  ownerCccd: string;
  agencyId: string;
  dossierId: string | null;
  /** The signed-in user's id. */
  uploadedBy: string;
  now?: Date;
}

const SIGNATURES: Record<FileMime, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

function isFileMime(mime: string): mime is FileMime {
  return Object.hasOwn(SIGNATURES, mime);
}

/** Checks type, size and that the bytes really are what the type says (the server checks again). */
export function checkFileBytes(bytes: Uint8Array, mime: string): FileMime {
  if (bytes.length === 0) throw new FileError('file_empty', 'Tệp rỗng, không có nội dung.');
  if (bytes.length > MAX_FILE_BYTES) throw new FileError('file_too_large', 'Tệp vượt quá dung lượng cho phép (50 MB).');
  if (!isFileMime(mime) || !SIGNATURES[mime].every((b, i) => bytes[i] === b)) {
    throw new FileError('file_type', 'Chỉ chấp nhận tệp PDF, JPG hoặc PNG đúng định dạng.');
  }
  return mime;
}

/**
 * Keeps a file on the device and creates its `files` document; the uploader sends the bytes when
 * the server is reachable. Throws `FileError` for an empty, oversized or unsupported file.
 *
 * @example
 * const meta = await saveLocalFile(db, input.files[0], { ownerCccd, agencyId, dossierId, uploadedBy: user.id });
 * dossier.incrementalModify((d) => ({ ...d, components: attach(d.components, slotId, meta.id) }));
 */
export async function saveLocalFile(db: MotcuaDatabase, file: Blob & { name: string }, meta: LocalFileMeta): Promise<FileMeta> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = checkFileBytes(bytes, file.type);
  const sha256 = await sha256Hex(bytes);
  const now = meta.now ?? new Date();
  const name = (file.name || 'tep').slice(0, 255);
  await storeBlob(db, { sha256, name, mime, size: bytes.length, state: 'pending', error: null, createdAt: now.getTime() }, file);
  const doc: FileMeta = {
    id: meta.id ?? crypto.randomUUID(),
    sha256,
    name,
    mime,
    size: bytes.length,
    ownerCccd: meta.ownerCccd,
    agencyId: meta.agencyId,
    dossierId: meta.dossierId,
    uploadedBy: meta.uploadedBy,
    createdAt: now.toISOString(),
    updatedAt: now.getTime(),
  };
  await db.files.insert(doc);
  return doc;
}

/** Stores bytes under their hash unless they are already on the device (then keeps what is there). */
async function storeBlob(db: MotcuaDatabase, entry: BlobEntry, data: Blob): Promise<void> {
  const existing = await db.blobs.findOne(entry.sha256).exec();
  if (existing?.getAttachment(BLOB_ATTACHMENT_ID)) {
    if (existing.state === 'rejected' && entry.state === 'pending') await existing.incrementalPatch({ state: 'pending', error: null });
    return;
  }
  const doc = existing ?? (await db.blobs.insert(entry).catch(async (error: unknown) => {
    const raced = await db.blobs.findOne(entry.sha256).exec();
    if (!raced) throw error;
    return raced;
  }));
  await doc.putAttachment({ id: BLOB_ATTACHMENT_ID, data, type: entry.mime });
}

/** How `readFile` reaches the server; `startReplication` registers one per database. */
export interface FileRemote {
  client: ApiClient;
}

const remotes = new WeakMap<MotcuaDatabase, FileRemote>();

/** Sets the server `readFile` downloads from for this database. */
export function setFileRemote(db: MotcuaDatabase, remote: FileRemote): void {
  remotes.set(db, remote);
}

/** Forgets `remote` for this database, unless another one replaced it since. */
export function clearFileRemote(db: MotcuaDatabase, remote: FileRemote): void {
  if (remotes.get(db) === remote) remotes.delete(db);
}

/** The bytes of a file kept on this device, or null. */
export async function readLocalBytes(db: MotcuaDatabase, sha256: string): Promise<Blob | null> {
  const blob = await db.blobs.findOne(sha256).exec();
  const attachment = blob?.getAttachment(BLOB_ATTACHMENT_ID);
  return attachment ? attachment.getData() : null;
}

/**
 * The bytes of the `files` document `fileId`: from the device when present, else downloaded with
 * the signed-in user's token, checked against the SHA-256 and kept as a cache.
 * Throws `FileError` `file_not_found` (no such document here), `file_unavailable` (not on the device
 * and the server cannot give it now), `file_corrupt` (downloaded bytes do not match).
 */
export async function readFile(db: MotcuaDatabase, fileId: string, options: { remote?: FileRemote } = {}): Promise<Blob> {
  const meta = await db.files.findOne(fileId).exec();
  if (!meta) throw new FileError('file_not_found', 'Không tìm thấy tệp.');
  return readBytes(db, meta, options);
}

/** The server `readFile` downloads from for this database, if replication runs. */
export function fileRemoteOf(db: MotcuaDatabase): FileRemote | undefined {
  return remotes.get(db);
}

/**
 * The bytes a file's metadata names (possibly of a `files` document not on this device, e.g. in a
 * citizen's warehouse read at the desk): local first, else downloaded, checked and cached.
 */
export async function readBytes(
  db: MotcuaDatabase,
  meta: Pick<FileMeta, 'sha256' | 'mime' | 'name'>,
  options: { remote?: FileRemote } = {},
): Promise<Blob> {
  const local = await readLocalBytes(db, meta.sha256);
  if (local) return new Blob([local], { type: meta.mime });
  const remote = options.remote ?? remotes.get(db);
  if (!remote) throw new FileError('file_unavailable', 'Tệp chưa có trên máy này; cần kết nối mạng để tải về.');
  const path = `/api/files/${meta.sha256}`;
  let response: Response;
  try {
    response = await remote.client.request(path);
  } catch {
    throw new FileError('file_unavailable', 'Không tải được tệp: chưa kết nối được máy chủ.');
  }
  if (response.status === 404) throw new FileError('file_unavailable', 'Tệp chưa được tải lên máy chủ.');
  if (!response.ok) throw await httpError(response, path);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((await sha256Hex(bytes)) !== meta.sha256) throw new FileError('file_corrupt', 'Tệp tải về bị hỏng (sai mã băm).');
  const blob = new Blob([bytes], { type: meta.mime });
  const entry: BlobEntry = {
    sha256: meta.sha256, name: meta.name, mime: meta.mime, size: bytes.length, state: 'cached', error: null, createdAt: Date.now(),
  };
  // The cache is a convenience: a full or closed IndexedDB costs a download next time, never the file shown now.
  await storeBlob(db, entry, blob).catch((error: unknown) => console.warn('file cache: not stored', error));
  void trimFileCache(db).catch((error: unknown) => console.warn('file cache: not trimmed', error));
  return blob;
}

/**
 * A new `files` document for bytes already known (reused from the warehouse): same hash, name,
 * type and size, owned and scoped as `meta` says. No bytes move; the server checks that the
 * signed-in user may read them.
 */
export async function reuseFile(
  db: MotcuaDatabase,
  source: Pick<FileMeta, 'sha256' | 'name' | 'mime' | 'size'>,
  meta: LocalFileMeta,
): Promise<FileMeta> {
  const now = meta.now ?? new Date();
  const doc: FileMeta = {
    id: meta.id ?? crypto.randomUUID(),
    sha256: source.sha256,
    name: source.name,
    mime: source.mime,
    size: source.size,
    ownerCccd: meta.ownerCccd,
    agencyId: meta.agencyId,
    dossierId: meta.dossierId,
    uploadedBy: meta.uploadedBy,
    createdAt: now.toISOString(),
    updatedAt: now.getTime(),
  };
  await db.files.insert(doc);
  return doc;
}
