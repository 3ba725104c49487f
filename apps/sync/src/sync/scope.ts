/**
 * Who may read and write what (CONTRACT "Scope"): the catalog is readable by all and writable by
 * admins; dossiers, events, files and warehouse belong to their citizen (ownerCccd) and their
 * agency (agencyId); officers never see a citizen's drafts. A province admin sees the agencies under theirs.
 */
import { agenciesUnder, type CollectionName, type SessionUser } from '@motcua/model';
import type { ScopeFilter, StoredDocument, SyncStore } from '../store/types.ts';

export const CATALOG: ReadonlySet<CollectionName> = new Set(['agencies', 'procedures']);

/** Ids of the service accounts a lower tier (commune LAN box, province) signs in with. */
export const TIER_ACCOUNT_PREFIX = 'tier:';

/**
 * True for a tier's service account: an admin-scoped account bound to the agency the tier owns,
 * whose id the server gave the `tier:` prefix (ids are never chosen by a client). It relays what
 * people did elsewhere, so the "actor is the pusher" and per-role status rules apply to those
 * people at their own tier, not to the relay; its scope stays the agencies under its own.
 */
export function isTierAccount(user: Pick<SessionUser, 'id' | 'role'>): boolean {
  return user.role === 'admin' && user.id.startsWith(TIER_ACCOUNT_PREFIX);
}

/** The agency ids an officer acts for: their own, and for an admin every agency below it. */
export async function officerAgencies(store: SyncStore, user: SessionUser): Promise<string[]> {
  if (!user.agencyId) return [];
  if (user.role !== 'admin') return [user.agencyId];
  const agencies = await store.documents.pull('agencies', { kind: 'all' }, 0, 100_000);
  return agenciesUnder(agencies.filter((a) => !a.deleted).map((a) => ({ id: a.id, parentId: (a.data.parentId as string | null) ?? null })), user.agencyId);
}

/** The rows of `collection` that `user` may read, as a store filter. */
export async function readScope(store: SyncStore, user: SessionUser, collection: CollectionName): Promise<ScopeFilter> {
  if (CATALOG.has(collection)) return { kind: 'all' };
  if (user.role === 'citizen') return user.cccd ? { kind: 'owner', cccd: user.cccd } : { kind: 'none' };
  const agencyIds = await officerAgencies(store, user);
  return agencyIds.length > 0 ? { kind: 'agencies', agencyIds, hideDrafts: true } : { kind: 'none' };
}

/** Scope columns of a document, derived from its data. */
export function scopeColumns(collection: CollectionName, data: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ownerCccd: text(data.ownerCccd),
    agencyId: text(data.agencyId),
    // A citizen's draft is theirs alone, and so is its history; the desk's in-person intake (channel
    // 1 or 3, created by an officer) is the agency's from its first action.
    draft: (collection === 'dossiers' && data.status === 0 && data.channel === 2)
      || (collection === 'events' && data.toStatus === 0 && (data.actor as { role?: unknown } | undefined)?.role === 'citizen'),
  };
}

/** True when a document (as it will be stored, or as it is stored) lies in `scope`. */
export function inScope(
  scope: ScopeFilter,
  columns: { ownerCccd: string | null; agencyId: string | null; draft: boolean },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'owner':
      return columns.ownerCccd === scope.cccd;
    case 'agencies':
      return columns.agencyId !== null && scope.agencyIds.includes(columns.agencyId) && !(scope.hideDrafts && columns.draft);
  }
}

export function storedInScope(scope: ScopeFilter, doc: StoredDocument): boolean {
  return inScope(scope, scopeColumns(doc.collection, doc.data));
}
