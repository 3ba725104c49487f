/**
 * Sends the bytes of locally saved files whenever the server is reachable, resumably (tus, see
 * `tus-upload.ts`): a dropped link or a closed tab continues from the last byte the server holds.
 *
 * @remarks For each `pending` blob: `HEAD /api/files/:sha256` first (skip what the server already
 * has), else upload; then mark it `uploaded` (the bytes stay as a cache). A 413/415/422 answer is
 * final: the blob becomes `rejected` with the server's message. Other failures retry with backoff,
 * and at once when the server becomes reachable again.
 * @module
 */
import { BehaviorSubject, combineLatest, filter, firstValueFrom, map, Subject, type Observable, type Subscription } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { ApiClient } from './api-client.ts';
import { createBackoff, sleep, type BackoffOptions } from './backoff.ts';
import type { MotcuaDatabase } from './database.ts';
import { HttpError, OfflineError } from './errors.ts';
import { tusUpload, UploadRefusedError, type UploadUrlMemory } from './tus-upload.ts';
import { BLOB_ATTACHMENT_ID, type BlobEntry } from './schemas/blob.schema.ts';

export interface FileUploader {
  /** Number of files whose bytes wait to be uploaded. */
  readonly pending$: Observable<number>;
  readonly error$: Observable<unknown>;
  /** Runs an upload round now (e.g. after reconnecting). */
  kick(): void;
  /** Resolves when no upload is running and none waits (rejected files do not count). */
  idle(): Promise<void>;
  stop(): void;
}

const FINAL_STATUSES = new Set([413, 415, 422]);

/** The Vietnamese message of a JSON error body, if any. */
function refusalMessage(body: string): string | null {
  try {
    return (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? null;
  } catch {
    return null;
  }
}

export interface FileUploaderOptions {
  /** Where upload URLs are kept to resume after a reload (default: localStorage). */
  memory?: UploadUrlMemory;
  backoff?: BackoffOptions;
  /** Uploads start once this resolves (the tab's leadership when several tabs share the database). */
  ready?: Promise<unknown>;
}

/** Starts uploading pending files of `db` through `client`. */
export function startFileUploader(db: MotcuaDatabase, client: ApiClient, options: FileUploaderOptions = {}): FileUploader {
  const pendingQuery = db.blobs.count({ selector: { state: 'pending' } });
  const pending = new BehaviorSubject<number | null>(null);
  const running = new BehaviorSubject(false);
  const errors = new Subject<unknown>();
  const backoff = createBackoff(options.backoff ?? { initialMs: 2000, maxMs: 60_000 });
  const stop = new AbortController();
  let again = false;
  let retry: { wake: () => void } | null = null;
  const subs: Subscription[] = [];

  async function uploadOne(doc: RxDocument<BlobEntry>): Promise<void> {
    const attachment = doc.getAttachment(BLOB_ATTACHMENT_ID);
    if (!attachment) return; // bytes still being written; the attachment write kicks again
    const path = `/api/files/${doc.sha256}`;
    const head = await client.request(path, { method: 'HEAD' });
    if (head.ok) return void (await doc.incrementalPatch({ state: 'uploaded', error: null }));
    const data = await attachment.getData();
    try {
      await tusUpload(client, data, { sha256: doc.sha256, name: doc.name, mime: doc.mime }, { signal: stop.signal, memory: options.memory });
      await doc.incrementalPatch({ state: 'uploaded', error: null });
    } catch (error) {
      if (!(error instanceof UploadRefusedError) || !FINAL_STATUSES.has(error.status)) throw error;
      const message = refusalMessage(error.body) ?? `Máy chủ từ chối tệp (mã ${error.status}).`;
      await doc.incrementalPatch({ state: 'rejected', error: message.slice(0, 500) });
      errors.next(new HttpError(error.status, 'upload_refused', message, '/api/uploads'));
    }
  }

  async function round(): Promise<void> {
    const docs = await db.blobs.find({ selector: { state: 'pending' } }).exec();
    for (const doc of docs) {
      if (stop.signal.aborted) return;
      await uploadOne(doc);
    }
  }

  async function run(): Promise<void> {
    if (running.value) return void (again = true);
    running.next(true);
    try {
      do {
        again = false;
        await round();
        backoff.reset();
      } while (again && !stop.signal.aborted);
    } catch (error) {
      if (stop.signal.aborted || db.closed) return;
      if (!(error instanceof OfflineError)) errors.next(error);
      const wait = sleep(backoff.next(), stop.signal);
      retry = wait;
      void wait.promise.then(() => {
        retry = null;
        if (!stop.signal.aborted) void run();
      });
    } finally {
      running.next(false);
    }
  }

  let isReady = !options.ready;
  void options.ready?.then(() => {
    isReady = true;
    kick();
  });

  function kick() {
    if (stop.signal.aborted || !isReady) return;
    if (retry) retry.wake();
    else void run();
  }

  subs.push(
    pendingQuery.$.subscribe((n) => {
      pending.next(n);
      if (n > 0) kick();
    }),
    db.blobs.eventBulks$.subscribe(() => {
      if ((pending.value ?? 0) > 0) kick();
    }),
    client.online$.pipe(filter(Boolean)).subscribe(() => kick()),
  );

  return {
    pending$: pending.pipe(filter((n): n is number => n !== null)),
    error$: errors.asObservable(),
    kick,
    idle: async () => {
      await firstValueFrom(combineLatest([pending, running]).pipe(map(([n, r]) => n === 0 && !r), filter(Boolean)));
    },
    stop() {
      stop.abort();
      subs.forEach((s) => s.unsubscribe());
      running.complete();
    },
  };
}
