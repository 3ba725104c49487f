/**
 * The upstream loop of a tier: replicate with the parent now, again after every local change
 * (debounced) and on a timer; when the link is down, keep the checkpoints and retry with backoff.
 * Devices keep syncing with this server meanwhile; nothing here blocks them.
 * @module
 */
import type { Logger } from '../log.ts';
import { officerAgencies } from '../sync/scope.ts';
import type { SyncStore } from '../store/types.ts';
import type { ChangeBus } from '../sync/change-bus.ts';
import type { Tier } from '../config.ts';
import { createUpstreamClient, type UpstreamClient, type UpstreamCredentials } from './client.ts';
import { replicationPlan } from './plan.ts';
import { replicateOnce, type PassResult } from './replicate.ts';

export interface UpstreamOptions {
  store: SyncStore;
  bus: ChangeBus;
  log: Logger;
  tier: Tier;
  url: string;
  credentials: UpstreamCredentials;
  intervalMs: number;
  fetch?: typeof fetch;
}

export interface UpstreamStatus {
  online: boolean;
  lastSyncedAt: string | null;
  lastError: string | null;
  totals: PassResult;
}

export interface Upstream {
  /** The signed-in client of the parent, for other calls (the national warehouse). */
  readonly client: UpstreamClient;
  /** Runs one pass now (or waits for the running one and runs again); rejects when the link is down. */
  syncNow(): Promise<PassResult>;
  status(): UpstreamStatus;
  stop(): Promise<void>;
}

const DEBOUNCE_MS = 250;

/** Starts replicating with the parent; call `stop()` before closing the store. */
export function startUpstream(options: UpstreamOptions): Upstream {
  const { store, bus, log } = options;
  const client = createUpstreamClient(options.url, options.credentials, options.fetch);
  const plan = replicationPlan(options.tier);
  const echoes = new Map<string, number>();
  const status: UpstreamStatus = { online: false, lastSyncedAt: null, lastError: null, totals: { pushed: 0, pulled: 0, refused: 0 } };
  let running: Promise<PassResult> | null = null;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  async function pass(): Promise<PassResult> {
    const account = await client.account();
    const agencyIds = await officerAgencies(store, account);
    const onRefused = (collection: string, id: string, reason: string) => log.warn('upstream refused a row', { collection, id, reason });
    const result = await replicateOnce({ store, client, bus, agencyIds, echoes, onRefused }, plan);
    status.totals.pushed += result.pushed;
    status.totals.pulled += result.pulled;
    status.totals.refused += result.refused;
    return result;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    // A failed pass is logged and counted in `status` by syncNow itself; the next one is scheduled there.
    timer = setTimeout(() => void syncNow().catch(() => undefined), ms);
  }

  function syncNow(): Promise<PassResult> {
    if (running) {
      again = true;
      return running.then(() => syncNow());
    }
    running = pass()
      .then((result) => {
        status.online = true;
        status.lastError = null;
        status.lastSyncedAt = new Date().toISOString();
        failures = 0;
        return result;
      })
      .catch((error: unknown) => {
        status.online = false;
        status.lastError = (error as Error).message;
        failures++;
        log.warn('upstream pass failed', { error: status.lastError });
        throw error;
      })
      .finally(() => {
        running = null;
        const retry = failures > 0 ? Math.min(options.intervalMs, 500 * 2 ** Math.min(failures, 8)) : options.intervalMs;
        if (again) {
          again = false;
          schedule(DEBOUNCE_MS);
        } else schedule(retry);
      });
    return running;
  }

  const unsubscribe = plan.push.map((step) => bus.subscribe(step.from, () => schedule(DEBOUNCE_MS)));
  schedule(0);

  return {
    client,
    syncNow,
    status: () => ({ ...status, totals: { ...status.totals } }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      for (const off of unsubscribe) off();
      // A failed pass is logged and counted by syncNow; stopping only waits for it to end.
      await running?.catch(() => {});
    },
  };
}
