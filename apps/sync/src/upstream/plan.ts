/**
 * What each tier sends to its parent and takes back from it. A commune LAN box pushes the
 * dossiers, histories and warehouse of its commune and pulls the catalog and what the province
 * holds for it; a province sends the nation what the nation holds (warehouse documents and
 * dossiers for national statistics; no files, no histories) and takes nothing back.
 * @module
 */
import type { CollectionName } from '@motcua/model';
import type { Tier } from '../config.ts';

export interface ReplicationPlan {
  push: CollectionName[];
  pull: CollectionName[];
}

/** The collections a tier replicates with its parent; the national tier has no parent. */
export function replicationPlan(tier: Tier): ReplicationPlan {
  switch (tier) {
    case 'commune':
      return { push: ['dossiers', 'events', 'warehouse'], pull: ['agencies', 'procedures', 'dossiers', 'events', 'warehouse'] };
    case 'province':
      return { push: ['warehouse', 'dossiers'], pull: [] };
    case 'national':
      return { push: [], pull: [] };
  }
}
