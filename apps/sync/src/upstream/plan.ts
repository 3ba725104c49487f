/**
 * What each tier sends to its parent and takes back from it. A commune LAN box pushes the
 * dossiers, histories and warehouse of its commune and pulls the catalog and what the province
 * holds for it; a province sends the nation what the nation holds — warehouse documents, and of each
 * dossier only its summary for national statistics (no applicant, no files, no history) — and takes
 * nothing back.
 * @module
 */
import { summarizeDossier, type CollectionName, type Dossier } from '@motcua/model';
import type { Tier } from '../config.ts';

type Data = Record<string, unknown>;

/** One collection a tier sends up. */
export interface PushStep {
  /** The collection read here. */
  from: CollectionName;
  /** The parent's collection written. */
  to: CollectionName;
  /**
   * What goes up of each document, when not the document itself: a projection is this tier's alone
   * to write, so the parent's answers never come back down.
   */
  project?: (data: Data) => Data;
}

export interface ReplicationPlan {
  push: PushStep[];
  pull: CollectionName[];
}

/** The collection sent up as it is here. */
export const mirror = (collection: CollectionName): PushStep => ({ from: collection, to: collection });

const summaries: PushStep = {
  from: 'dossiers',
  to: 'summaries',
  project: (data) => summarizeDossier(data as unknown as Dossier) as unknown as Data,
};

/** The collections a tier replicates with its parent; the national tier has no parent. */
export function replicationPlan(tier: Tier): ReplicationPlan {
  switch (tier) {
    case 'commune':
      return { push: [mirror('dossiers'), mirror('events'), mirror('warehouse')], pull: ['agencies', 'procedures', 'dossiers', 'events', 'warehouse'] };
    case 'province':
      return { push: [mirror('warehouse'), summaries], pull: [] };
    case 'national':
      return { push: [], pull: [] };
  }
}
