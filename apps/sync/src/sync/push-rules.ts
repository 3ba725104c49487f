/**
 * What a push of the collections written as documents may change, beyond schema and scope: the
 * catalog is for admins, dossier summaries come only from a tier's replication, and nobody moves a
 * document to another owner. Dossiers and their history are not written this way (actions,
 * `apply-actions.ts`; a tier's relay, `tier-relay.ts`).
 */
import type { CollectionName, SessionUser } from '@motcua/model';
import { forbidden } from '../errors.ts';
import { CATALOG, isTierAccount } from './scope.ts';

type Data = Record<string, unknown>;

/** Checks that need no stored state; run on each row that is not already stored as it is. */
export function checkRowAlone(collection: CollectionName, user: SessionUser): void {
  if (CATALOG.has(collection) && (user.role !== 'admin' || isTierAccount(user))) {
    throw forbidden('catalog_readonly', `Chỉ quản trị viên được sửa danh mục "${collection}"`);
  }
  if (collection === 'summaries' && !isTierAccount(user)) {
    throw forbidden('summary_readonly', 'Bản tóm tắt hồ sơ do máy chủ tỉnh gửi lên, không được sửa trực tiếp');
  }
}

/** Checks against the stored master (null for a new document). */
export function checkRowChange(collection: CollectionName, next: Data, master: Data | null): void {
  if (master && !CATALOG.has(collection) && master.ownerCccd !== next.ownerCccd) {
    throw forbidden('owner_immutable', `Không được đổi chủ hồ sơ của tài liệu "${String(next.id)}"`);
  }
}

/** The code a tier relays on a dossier summary, which the push must check is nobody else's; null when unchanged. */
export function pushedCode(collection: CollectionName, next: Data, master: Data | null): string | null {
  if (collection !== 'summaries' || typeof next.code !== 'string') return null;
  return next.code === (master?.code ?? null) ? null : next.code;
}
