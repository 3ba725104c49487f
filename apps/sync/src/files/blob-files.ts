/**
 * Content-addressed blob files on disk: `<root>/aa/bb/<sha256>`. Uploads stream into a temporary
 * file while being hashed and counted, then move into place; the same bytes land once.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { randomToken } from '@motcua/crypto';
import { SNIFF_BYTES } from './sniff.ts';

export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
}

export interface ReceivedBlob {
  tempPath: string;
  sha256: string;
  size: number;
  head: Uint8Array;
}

export interface BlobFiles {
  /** Where unfinished resumable uploads are kept (see `tus-uploads.ts`). */
  readonly partialDir: string;
  /** Streams `body` to a temporary file; throws `BlobTooLargeError` past `maxBytes` (nothing kept). */
  receive(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<ReceivedBlob>;
  /** Moves a received blob into its content address. */
  commit(blob: ReceivedBlob): Promise<void>;
  discard(blob: ReceivedBlob): Promise<void>;
  exists(sha256: string): Promise<boolean>;
  open(sha256: string): Readable;
}

export function createBlobFiles(root: string): BlobFiles {
  const pathFor = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  const tempDir = join(root, 'tmp');

  return {
    partialDir: join(root, 'partial'),
    async receive(body, maxBytes) {
      await mkdir(tempDir, { recursive: true });
      const tempPath = join(tempDir, `${Date.now()}-${randomToken(9)}`);
      const out = createWriteStream(tempPath);
      const hash = createHash('sha256');
      const head = new Uint8Array(SNIFF_BYTES);
      let size = 0;
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (size < SNIFF_BYTES) head.set(value.subarray(0, SNIFF_BYTES - size), size);
          size += value.byteLength;
          if (size > maxBytes) throw new BlobTooLargeError(`more than ${maxBytes} bytes`);
          hash.update(value);
          if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        await new Promise<void>((resolve, reject) => {
          out.once('error', reject);
          out.end(() => resolve());
        });
      } catch (error) {
        // Cleaning up after `error`, which is what is thrown: a failed cancel or close adds nothing to it.
        await reader.cancel().catch(() => undefined);
        out.destroy();
        // The file may still be opening: wait until it is closed, or rm could run first.
        await finished(out).catch(() => undefined);
        await rm(tempPath, { force: true });
        throw error;
      }
      return { tempPath, sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
    },
    async commit(blob) {
      const target = pathFor(blob.sha256);
      if (await this.exists(blob.sha256)) return this.discard(blob);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(blob.tempPath, target);
    },
    async discard(blob) {
      await rm(blob.tempPath, { force: true });
    },
    async exists(sha256) {
      try {
        return (await stat(pathFor(sha256))).isFile();
      } catch {
        return false;
      }
    },
    open: (sha256) => createReadStream(pathFor(sha256)),
  };
}
