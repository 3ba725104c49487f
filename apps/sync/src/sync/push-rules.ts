/**
 * The model's write policy (`policy/write-policy.ts`) on a push of the collections written as
 * documents, in one place: the table decides from the writer's token which fields may be written,
 * then each condition it names is checked with the server's own data (before the push's
 * transaction, as reads may not wait on its locks; the fields again inside it). Dossiers and their history
 * are not written this way (actions, `apply-actions.ts`; a tier's relay, `tier-relay.ts`).
 */
import { checkWriteFields as fieldsVerdict, type DocumentCollection, type SessionUser, type WriteCondition, type Writer } from '@motcua/model';
import { forbidden } from '../errors.ts';
import { checkFileBytes } from '../files/file-access.ts';
import type { ScopeFilter, SyncStore } from '../store/types.ts';
import { catalogWriterOf, checkCatalogWrite, type CatalogPusher } from './catalog-write.ts';
import { sameDocument } from './documents.ts';
import { CATALOG, isTierAccount } from './scope.ts';

type Data = Record<string, unknown>;

/** What the checks of one push need to know of its writer, read once per push. */
export interface WriteChecks {
  store: SyncStore;
  user: SessionUser;
  collection: DocumentCollection;
  kind: Writer;
  catalog: CatalogPusher | null;
  agencyIds: readonly string[];
}

/** `scope`: the pusher's read scope of `collection`, whose agencies are the ones they act for. */
export async function writeChecksFor(store: SyncStore, user: SessionUser, collection: DocumentCollection, scope: ScopeFilter): Promise<WriteChecks> {
  const kind: Writer = isTierAccount(user) ? 'tier' : user.role;
  return {
    store, user, collection, kind,
    catalog: CATALOG.has(collection) && kind === 'admin' ? await catalogWriterOf(store, user) : null,
    agencyIds: scope.kind === 'agencies' ? scope.agencyIds : [],
  };
}

/** The conditions that read the server's data; run before the push's transaction takes its locks. */
const READS: Record<Exclude<WriteCondition, 'catalog-tree'>, (checks: WriteChecks, next: Data, live: Data | null) => Promise<void>> = {
  'owner-dossier-here': async ({ store, agencyIds }, next) => {
    if (agencyIds.length === 0 || !(await store.warehouse.ownerHasDossierAt(String(next.ownerCccd), [...agencyIds]))) {
      throw forbidden('owner_not_served', 'Công dân chưa có hồ sơ tại cơ quan của người ghi');
    }
  },
  'file-claim': ({ store, user }, next, live) => checkFileBytes(store, user, next, live),
};

/**
 * Throws 403 with the table's reason when `checks`' writer may not write `next` over `live`, and
 * checks the catalog tree (from the writer read beforehand); returns the conditions left that read
 * the server's data. Run again inside the transaction against the locked master.
 */
export function checkWriteFields(checks: WriteChecks, next: Data, live: Data | null, deleted: boolean): Array<keyof typeof READS> {
  const verdict = fieldsVerdict(checks.collection, { kind: checks.kind, user: checks.user }, next, live, deleted);
  if ('refusal' in verdict) throw forbidden(verdict.refusal.code, verdict.refusal.message);
  const reads: Array<keyof typeof READS> = [];
  for (const condition of verdict.conditions) {
    if (condition !== 'catalog-tree') reads.push(condition);
    else if (!checks.catalog) throw forbidden('catalog_scope', 'Chỉ quản trị viên được sửa danh mục');
    else checkCatalogWrite(checks.collection, checks.catalog, next, live);
  }
  return reads;
}

type Row = { data: Data; deleted: boolean };

/**
 * What a row's fields are checked against: the stored document, or, when the row will be answered
 * as a conflict (it assumed another version), the version it assumed: a conflict writes nothing,
 * and the row comes again over the stored one.
 */
export function baseOf(master: Row | null, assumed: Row | null): Data | null {
  const conflict = master !== null && (!assumed || !sameDocument(assumed, master));
  const base = conflict ? assumed : master;
  return base && !base.deleted ? base.data : null;
}

/** The whole policy on each row of a push, against the stored documents: before its transaction. */
export async function checkWrites(checks: WriteChecks, rows: ReadonlyArray<{ id: string; next: Row; assumed: Row | null }>): Promise<void> {
  for (const { id, next, assumed } of rows) {
    const master = await checks.store.documents.get(checks.collection, id);
    if (master && sameDocument(next, master)) continue;
    const base = baseOf(master, assumed);
    for (const read of checkWriteFields(checks, next.data, base, next.deleted)) await READS[read](checks, next.data, base);
  }
}

/** The code a tier relays on a dossier summary, which the push must check is nobody else's; null when unchanged. */
export function pushedCode(collection: DocumentCollection, next: Data, master: Data | null): string | null {
  if (collection !== 'summaries' || typeof next.code !== 'string') return null;
  return next.code === (master?.code ?? null) ? null : next.code;
}
