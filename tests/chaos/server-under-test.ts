/**
 * The sync server the chaos suite attacks, on a fixed port and one data folder: either in this
 * process (closed and started again) or a child process killed with SIGKILL mid-push and started
 * again on the same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../apps/sync/src/config.ts';
import { startServer, type RunningServer } from '../../apps/sync/src/server.ts';
import { openStore } from '../../apps/sync/src/store/index.ts';
import type { SyncStore } from '../../apps/sync/src/store/types.ts';

export type ServerMode = 'inproc' | 'child';

export interface ServerUnderTest {
  readonly mode: ServerMode;
  url(): string;
  /** Kills (child: SIGKILL) or closes (in-process) the server and starts it again on the same data. */
  restart(pauseMs: number): Promise<void>;
  /** Stops the server and opens its store here for the final checks; `close()` releases it. */
  stopForChecks(): Promise<SyncStore>;
  close(): Promise<void>;
}

function spawnServer(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/sync/src/index.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PWA_DIR: 'off', TIER: 'commune', LOG_LEVEL: 'silent' },
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

/** Starts the server in `mode` on `dataDir` (a free port, kept across restarts). */
export async function startServerUnderTest(mode: ServerMode, dataDir: string): Promise<ServerUnderTest> {
  if (mode === 'inproc') {
    let server: RunningServer = await startServer({ dataDir, tier: 'commune' });
    const port = server.port;
    let store: SyncStore | null = null;
    return {
      mode,
      url: () => server.url,
      async restart(pauseMs) {
        await server.close();
        await new Promise((r) => setTimeout(r, pauseMs));
        server = await startServer({ dataDir, tier: 'commune', port });
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
  let { child, port } = await spawnServer(dataDir, 0);
  let store: SyncStore | null = null;
  return {
    mode,
    url: () => `http://127.0.0.1:${port}`,
    async restart(pauseMs) {
      child.kill('SIGKILL');
      await exited(child);
      await new Promise((r) => setTimeout(r, pauseMs));
      ({ child, port } = await spawnServer(dataDir, port));
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
