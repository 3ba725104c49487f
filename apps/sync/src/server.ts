/**
 * Starting and stopping the real server: open the store, make sure the JWT secret exists, seed the
 * demo on first start, listen. `index.ts` calls it with the environment's config; tests call it
 * with a port and a data folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { randomToken } from '@motcua/crypto';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { seedDemo, type DemoSeedResult } from './demo/seed.ts';
import { createBlobFiles } from './files/blob-files.ts';
import { createLogger } from './log.ts';
import { sendersFromConfig } from './notify/senders.ts';
import { createNotifyWorker, type NotifyWorker } from './notify/worker.ts';
import { startUploadSweeper } from './files/tus-uploads.ts';
import { loadProvinceCa } from './pki/province-ca.ts';
import { openStore } from './store/index.ts';
import type { SyncStore } from './store/types.ts';
import { createChangeBus } from './sync/change-bus.ts';
import { startUpstream, type Upstream } from './upstream/loop.ts';

export interface RunningServer {
  url: string;
  port: number;
  app: Hono;
  store: SyncStore;
  config: Config;
  /** What the demo seed created, when it ran on this start. */
  demo: DemoSeedResult | null;
  /** Replication with the parent tier, when `upstreamUrl` and its credentials are set. */
  upstream: Upstream | null;
  close(): Promise<void>;
}

/** Options as the environment would give them, typed; anything missing takes the config default. */
export type StartServerOptions = Partial<Config> & { dataDir: string };

/** Reads the JWT secret from the store, generating it on the first start. */
export async function jwtSecretOf(store: SyncStore): Promise<string> {
  return store.meta.getOrSet('jwt_secret', randomToken(48));
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config: Config = { ...loadConfig({}), pwaDir: null, demo: true, host: '127.0.0.1', port: 0, ...options };
  const log = createLogger('motcua:sync', config.logLevel);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, log });
  let server: ServerType | undefined;
  let unwatch = async () => {};
  let stopSweeper = () => {};
  let notifier: NotifyWorker | undefined;
  let upstream: Upstream | null = null;
  try {
    // Live streams hear about this process's writes directly, and about other processes' (several
    // servers on one PostgreSQL database) through the store.
    const bus = createChangeBus();
    unwatch = await store.documents.watch((collection) => bus.publish(collection));
    const jwtSecret = await jwtSecretOf(store);
    // A commune box takes the demo dossiers from its province, as it would take real ones.
    const fromParent = config.tier === 'commune' && Boolean(config.upstreamUrl);
    const demo = config.demo ? await seedDemo(store, new Date(), { dossiers: !fromParent }) : null;
    // The province CA is created on the first start (its key stays in the store).
    await loadProvinceCa(store);
    // Replication with the parent tier starts with the server; devices never wait for it.
    const { username, password } = config.upstream;
    if (config.upstreamUrl && username && password) {
      upstream = startUpstream({
        store, bus, log, tier: config.tier, url: config.upstreamUrl, credentials: { username, password }, intervalMs: config.upstream.intervalMs,
      });
    }
    const files = createBlobFiles(join(config.dataDir, 'blobs'));
    stopSweeper = startUploadSweeper(files.partialDir, log);
    const app = createApp({
      store,
      files,
      jwtSecret,
      tier: config.tier,
      pwaDir: config.pwaDir && existsSync(config.pwaDir) ? config.pwaDir : null,
      log,
      bus,
      corsOrigins: config.corsOrigins,
      upstream: upstream?.client ?? null,
    });
    // Citizen notifications: the outbox worker wakes on new events and retries on a timer.
    notifier = createNotifyWorker({ store, senders: sendersFromConfig(config.notify), log, bus });
    notifier.start();
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => resolve(info));
      server.once('error', reject);
    });
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    log.info('listening', { url, tier: config.tier, store: store.kind });
    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      app,
      store,
      config,
      demo,
      upstream,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server!.close(() => resolve());
            if ('closeAllConnections' in server!) server.closeAllConnections();
          });
          stopSweeper();
          await upstream?.stop();
          await notifier?.stop();
          await unwatch();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    server?.close();
    stopSweeper();
    await upstream?.stop();
    await notifier?.stop();
    await unwatch();
    await store.close();
    throw error;
  }
}
