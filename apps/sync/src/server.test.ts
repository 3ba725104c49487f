import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentEdit, testDevice, whoAmI, type Caller } from './routes/action-test-helpers.ts';
import type { Doc } from './routes/sync-test-helpers.ts';
import { startServer } from './server.ts';
import { freshPostgresUrl } from './store/test-databases.ts';

/** Requests to a listening server, as the test helpers make them in-process. */
function over(url: string): Caller {
  return {
    call: (method, path, options = {}) => fetch(`${url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-server-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('startServer', () => {
  it('listens on a free port, seeds the demo once, and keeps data and secret across restarts', async () => {
    const first = await startServer({ dataDir, port: 0 });
    expect(first.demo?.created).toBe(true);
    expect(await (await fetch(`${first.url}/api/health`)).json()).toMatchObject({ ok: true });
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Device-Id': 'desk-tablet' },
      body: JSON.stringify({ username: 'motcua.dakla', password: 'Demo@2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await first.close();

    const second = await startServer({ dataDir, port: 0 });
    try {
      expect(second.demo?.created).toBe(false);
      const pull = await fetch(`${second.url}/api/sync/dossiers/pull`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(pull.status).toBe(200);
      expect(((await pull.json()) as { documents: unknown[] }).documents).toHaveLength(3);
    } finally {
      await second.close();
    }
  });

  it('closes even with a live stream open', async () => {
    const server = await startServer({ dataDir, port: 0, demo: true });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: '062099000123', password: 'Demo@2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const stream = await fetch(`${server.url}/api/sync/dossiers/pull/stream`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('RESYNC');
    await server.close();
    // The server closed the stream already; cancelling is only tidying up.
    await reader.cancel().catch(() => {});
  });
});

describe('two servers on one PostgreSQL database', () => {
  it("streams a change pushed to one server to the other server's subscribers", async () => {
    const db = await freshPostgresUrl();
    const dirA = await mkdtemp(join(tmpdir(), 'motcua-a-'));
    const dirB = await mkdtemp(join(tmpdir(), 'motcua-b-'));
    const a = await startServer({ dataDir: dirA, databaseUrl: db.url, port: 0 });
    const b = await startServer({ dataDir: dirB, databaseUrl: db.url, port: 0 });
    try {
      const token = async (url: string, username: string, deviceId: string) => {
        const response = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Device-Id': deviceId },
          body: JSON.stringify({ username, password: 'Demo@2026' }),
        });
        return ((await response.json()) as { accessToken: string }).accessToken;
      };
      const desk = await token(b.url, 'motcua.dakla', 'desk-pc');
      const stream = await fetch(`${b.url}/api/sync/dossiers/pull/stream`, { headers: { Authorization: `Bearer ${desk}` } });
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value);
      expect(text).toContain('RESYNC');

      // The same desk, on another device, corrects a dossier's summary through server A.
      const serverA = over(a.url);
      const tablet = testDevice(serverA, 'desk-tablet');
      const onA = await token(a.url, 'motcua.dakla', tablet.deviceId);
      const pulled = await fetch(`${a.url}/api/sync/dossiers/pull`, { headers: { Authorization: `Bearer ${onA}` } });
      const dossier = ((await pulled.json()) as { documents: Doc[] }).documents[0]!;
      const edit = { type: 'editContent', changes: contentEdit(dossier, (c) => ({ ...c, summary: 'qua máy chủ A' })) } as const;
      const pushed = await tablet.act(onA, await whoAmI(serverA, onA), dossier, edit);
      expect(pushed.stored?.outcome?.status).toBe('applied');
      while (!text.includes('qua máy chủ A')) text += decoder.decode((await reader.read()).value);
      await reader.cancel();
    } finally {
      await a.close();
      await b.close();
      await db.drop();
      await rm(dirA, { recursive: true, force: true });
      await rm(dirB, { recursive: true, force: true });
    }
  });
});
