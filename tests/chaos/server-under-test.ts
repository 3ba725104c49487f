/**
 * A sync server the chaos suite attacks, on a fixed port and one data folder: either in this
 * process (closed and started again) or a child process killed with SIGKILL mid-push and started
 * again on the same folder. Any tier, with an optional parent to replicate to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, type Tier } from '../../apps/sync/src/config.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../../apps/sync/src/server.ts';
import { openStore } from '../../apps/sync/src/store/index.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';
import { PASSWORD } from './http-actor.ts';

export type ServerMode = 'inproc' | 'child';

export interface ServerSetup {
  tier: Tier;
  /** The parent tier, signed in to with a service account (password `Demo@2026`). */
  upstream?: { url: string; username: string; intervalMs: number };
}

export interface ServerUnderTest {
  readonly mode: ServerMode;
  url(): string;
  /** Kills (child: SIGKILL) or closes (in-process) the server and starts it again on the same data. */
  restart(pauseMs: number): Promise<void>;
  /** Stops the server and opens its store here for the final checks; `close()` releases it. */
  stopForChecks(): Promise<SyncStore>;
  close(): Promise<void>;
}

function spawnServer(dataDir: string, port: number, setup: ServerSetup): Promise<{ child: ChildProcess; port: number }> {
  const upstream = setup.upstream
    ? { UPSTREAM_URL: setup.upstream.url, UPSTREAM_USERNAME: setup.upstream.username, UPSTREAM_PASSWORD: PASSWORD, UPSTREAM_INTERVAL_MS: String(setup.upstream.intervalMs) }
    : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/sync/src/index.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PWA_DIR: 'off', TIER: setup.tier, LOG_LEVEL: 'silent', ...upstream },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /localhost:(\d+)/.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-500)}`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

function inprocOptions(dataDir: string, setup: ServerSetup, port = 0): StartServerOptions {
  const up = setup.upstream;
  return {
    dataDir, tier: setup.tier, port,
    ...(up ? { upstreamUrl: up.url, upstream: { username: up.username, password: PASSWORD, intervalMs: up.intervalMs } } : {}),
  };
}

/** Starts the server in `mode` on `dataDir` (a free port, kept across restarts); a commune by default. */
export async function startServerUnderTest(mode: ServerMode, dataDir: string, setup: ServerSetup = { tier: 'commune' }): Promise<ServerUnderTest> {
  if (mode === 'inproc') {
    let server: RunningServer = await startServer(inprocOptions(dataDir, setup));
    const port = server.port;
    let store: SyncStore | null = null;
    return {
      mode,
      url: () => server.url,
      async restart(pauseMs) {
        await server.close();
        await new Promise((r) => setTimeout(r, pauseMs));
        server = await startServer(inprocOptions(dataDir, setup, port));
      },
      async stopForChecks() {
        await server.close();
        store = await openStore({ dataDir, databaseUrl: null });
        return store;
      },
      async close() {
        await server.close();
        await store?.close();
      },
    };
  }
  let { child, port } = await spawnServer(dataDir, 0, setup);
  let store: SyncStore | null = null;
  return {
    mode,
    url: () => `http://127.0.0.1:${port}`,
    async restart(pauseMs) {
      child.kill('SIGKILL');
      await exited(child);
      await new Promise((r) => setTimeout(r, pauseMs));
      ({ child, port } = await spawnServer(dataDir, port, setup));
    },
    async stopForChecks() {
      child.kill('SIGTERM');
      await exited(child);
      store = await openStore({ dataDir, databaseUrl: null });
      return store;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
      await store?.close();
    },
  };
}
