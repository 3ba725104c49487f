/**
 * Typed failures of the local database layer, so that screens can branch on `code`.
 * Messages are Vietnamese and fit to show.
 * @module
 */

export type SyncErrorCode = 'offline' | 'unauthorized' | 'http' | 'stream';

/** A replication or transfer failure. */
export class SyncError extends Error {
  override readonly name: string = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server could not be reached, or there is no access token to reach it with. */
export class OfflineError extends SyncError {
  override readonly name = 'OfflineError';
  constructor(options?: { cause?: unknown }) {
    super('offline', 'Không kết nối được máy chủ; dữ liệu được lưu trên máy và sẽ đồng bộ khi có mạng.', options);
  }
}

/** The server refused the access token even after asking for a fresh one. */
export class UnauthorizedError extends SyncError {
  override readonly name = 'UnauthorizedError';
  constructor() {
    super('unauthorized', 'Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.');
  }
}

/** The server answered with an error status; `serverCode` is its `error.code`. */
export class HttpError extends SyncError {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly serverCode: string,
    message: string,
    readonly path: string,
  ) {
    super('http', `${message} (HTTP ${status} ${path})`);
  }
}

export type FileErrorCode = 'file_type' | 'file_too_large' | 'file_empty' | 'file_unavailable' | 'file_corrupt' | 'file_not_found';

/** A file cannot be saved or read. */
export class FileError extends Error {
  override readonly name = 'FileError';
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
