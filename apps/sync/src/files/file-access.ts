/**
 * Who may read a blob's bytes, and who may name a blob in a `files` document.
 *
 * @remarks Bytes are readable by their uploader, by whoever sees a vouched `files` document naming
 * them in their scope, and by an officer whose agency has a dossier of the citizen whose warehouse
 * links them. A `files` document may only name bytes its pusher uploaded or may already read, and
 * names its pusher as `uploadedBy` (the write policy): nobody gains bytes by knowing their hash.
 * @module
 */
import { isOfficer, type SessionUser } from '@motcua/model';
import { forbidden } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import { officerAgencies, readScope } from '../sync/scope.ts';

/** True when `user` may read the bytes `sha256`. */
export async function canReadBytes(store: SyncStore, user: SessionUser, sha256: string): Promise<boolean> {
  if (await store.blobs.uploadedBy(sha256, user.id)) return true;
  if (await store.documents.fileVisible(sha256, await readScope(store, user, 'files'))) return true;
  if (!isOfficer(user)) return false;
  const agencies = await officerAgencies(store, user);
  return agencies.length > 0 && store.warehouse.fileViaWarehouse(sha256, agencies);
}

/**
 * Checks the bytes a `files` document names before it is written (the write policy's `file-claim`):
 * bytes the server already holds must be the pusher's own upload or readable by them. Bytes not on
 * the server yet are accepted: only their uploader will vouch for the document later.
 */
export async function checkFileBytes(store: SyncStore, user: SessionUser, next: Record<string, unknown>, live: Record<string, unknown> | null): Promise<void> {
  const sha256 = String(next.sha256);
  if (live?.sha256 === sha256) return;
  if ((await store.blobs.get(sha256)) && !(await canReadBytes(store, user, sha256))) {
    throw forbidden('file_claim_refused', `Không có quyền dùng tệp "${String(next.name)}"`);
  }
}
