/**
 * The catalog write policy of the model (`policy/catalog-policy.ts`) on a push: an administrator
 * writes agencies and procedures only inside their own agency tree.
 */
import { agencyWriteRefusal, procedureWriteRefusal, type Agency, type CatalogWriter, type CollectionName, type Procedure, type SessionUser } from '@motcua/model';
import { forbidden } from '../errors.ts';
import type { SyncStore } from '../store/types.ts';
import { officerAgencies } from './scope.ts';

type Data = Record<string, unknown>;

export interface CatalogPusher extends CatalogWriter {
  /** The writer's agency has no parent here: the tier's own catalog is theirs. */
  root: boolean;
  /** The writer's agency's code (`H34`): the shared entries it publishes end with it. */
  prefix: string | null;
}

/** The pushing administrator's tree (empty for anyone else: they write no catalog). */
export async function catalogWriterOf(store: SyncStore, user: SessionUser): Promise<CatalogPusher> {
  const tree = new Set(user.role === 'admin' ? await officerAgencies(store, user) : []);
  const own = user.agencyId ? await store.documents.get('agencies', user.agencyId) : null;
  const live = own && !own.deleted ? own.data : null;
  return {
    agencyId: user.agencyId ?? '', tree, root: !!live && live.parentId == null,
    prefix: typeof live?.dossierPrefix === 'string' ? live.dossierPrefix : null,
  };
}

/** The writer's agency published the entry: its id ends with the agency's code (`….000.00.00.H34`). */
const publishes = (writer: CatalogPusher, next: Data, stored: Data | null) =>
  writer.prefix !== null && [next, ...(stored ? [stored] : [])].every((d) => String(d.id).endsWith(`.${writer.prefix}`));

/** Throws 403 `catalog_scope` when the write reaches outside the writer's tree. */
export function checkCatalogWrite(collection: CollectionName, writer: CatalogPusher, next: Data, stored: Data | null): void {
  const refusal = collection === 'agencies'
    ? agencyWriteRefusal(writer, next as unknown as Agency, stored as unknown as Agency | null)
    : procedureWriteRefusal(writer, writer.root || publishes(writer, next, stored), next as unknown as Procedure, stored as unknown as Procedure | null);
  if (refusal) throw forbidden('catalog_scope', refusal);
}
