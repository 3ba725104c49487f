import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { signIn, submitNew } from './action-test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Reads SSE `data:` messages from a response body as they arrive. */
function messages(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 5000): Promise<unknown> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) return JSON.parse(data);
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no SSE message in time');
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no SSE message in time')), left)),
        ]);
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('GET /api/sync/:collection/pull/stream', () => {
  it('sends RESYNC, then new documents in the subscriber scope only', async () => {
    const desk = await t.token('motcua.dakla');
    const citizen = await signIn(t, '062099000123');
    const response = await t.call('GET', '/api/sync/dossiers/pull/stream', { token: desk });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/text\/event-stream/);
    const stream = messages(response);
    expect(await stream.next()).toBe('RESYNC');

    // Created as drafts (the citizen's alone), then submitted: only the Đắk La one reaches this desk.
    await submitNew(t, citizen, { id: 'sse-dakmar', agencyId: '002.29.00.H34' });
    await submitNew(t, citizen, { id: 'sse-dakla', agencyId: '001.29.00.H34' });

    const message = (await stream.next()) as { documents: { id: string; _deleted: boolean; status: number }[]; checkpoint: { seq: number } };
    expect(message.documents.map((d) => d.id)).toEqual(['sse-dakla']);
    expect(message.documents[0]).toMatchObject({ _deleted: false, status: 1 });
    expect(message.checkpoint.seq).toBe((await t.store.documents.get('dossiers', 'sse-dakla'))!.seq);
    await stream.cancel();
  });

  it('wants a token and a known collection', async () => {
    expect((await t.call('GET', '/api/sync/dossiers/pull/stream')).status).toBe(401);
    const token = await t.token('062099000123');
    expect((await t.call('GET', '/api/sync/nope/pull/stream', { token })).status).toBe(404);
  });
});
