/**
 * Who may read a blob's bytes, and who may name a blob in a `files` document.
 *
 * @remarks Bytes are readable by their uploader, by whoever sees a vouched `files` document naming
 * them in their scope, and by an officer whose agency has a dossier of the citizen whose warehouse
 * links them. A `files` document may only name bytes its pusher uploaded or may already read, and
 * always names its pusher as `uploadedBy`: nobody gains bytes by knowing their hash.
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
 * Checks the `files` rows of a push before they are written: a new document (or one that changes
 * its bytes) must name its pusher as `uploadedBy`, and bytes the server already holds must be the
 * pusher's own or readable by them. Bytes not on the server yet are accepted: only their uploader
 * will vouch for the document later.
 */
export async function checkFileClaims(store: SyncStore, user: SessionUser, rows: Array<{ id: string; data: Record<string, unknown>; deleted: boolean }>): Promise<void> {
  for (const row of rows) {
    if (row.deleted) continue;
    const sha256 = String(row.data.sha256);
    const master = await store.documents.get('files', row.id);
    const same = master && !master.deleted && master.data.sha256 === sha256;
    if (same && master.data.uploadedBy === row.data.uploadedBy) continue;
    if (row.data.uploadedBy !== user.id) {
      throw forbidden('file_claim_refused', `Tệp "${String(row.data.name)}" phải do chính người gửi tải lên (uploadedBy)`);
    }
    if (same) continue;
    if ((await store.blobs.get(sha256)) && !(await canReadBytes(store, user, sha256))) {
      throw forbidden('file_claim_refused', `Không có quyền dùng tệp "${String(row.data.name)}"`);
    }
  }
}
