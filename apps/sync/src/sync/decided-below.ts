/**
 * Whether a lower tier decides an agency's dossiers: its server (a commune box, or a province under
 * the nation) has signed in here with its tier account for that agency or one above it. What people
 * do on such a dossier here is shown at once but provisional until that tier's answer comes up, so
 * this server draws no dossier code for it and tells no citizen about it; the deciding tier does.
 *
 * @remarks A tier's server signs in from a device id of its own (`tierDeviceId`, `upstream/client.ts`),
 * recorded with the agencies of its account; a person signing in with the tier's account from
 * elsewhere does not count. Held for a minute per agency, so that a push costs no extra reads.
 */
import type { SyncStore } from '../store/types.ts';
import { TIER_DEVICE_PREFIX } from '../upstream/client.ts';
import { TIER_ACCOUNT_PREFIX } from './scope.ts';

const HOLD_MS = 60_000;
const MAX_DEPTH = 8;
const known = new WeakMap<SyncStore, Map<string, { below: boolean; at: number }>>();

async function agencyAndAbove(store: SyncStore, agencyId: string): Promise<string[]> {
  const chain = [agencyId];
  for (let id: unknown = agencyId; chain.length < MAX_DEPTH; ) {
    const agency = await store.documents.get('agencies', String(id));
    id = agency && !agency.deleted ? agency.data.parentId : null;
    if (typeof id !== 'string' || chain.includes(id)) break;
    chain.push(id);
  }
  return chain;
}

export async function decidedBelow(store: SyncStore, agencyId: string, now = Date.now()): Promise<boolean> {
  const held = known.get(store) ?? new Map<string, { below: boolean; at: number }>();
  known.set(store, held);
  const hit = held.get(agencyId);
  if (hit && now - hit.at < HOLD_MS) return hit.below;
  const devices = await store.accounts.devicesOf(await agencyAndAbove(store, agencyId));
  const below = devices.some((d) => d.revokedAt === null && d.id.startsWith(TIER_DEVICE_PREFIX) && d.lastUserId?.startsWith(TIER_ACCOUNT_PREFIX) === true);
  held.set(agencyId, { below, at: now });
  return below;
}
