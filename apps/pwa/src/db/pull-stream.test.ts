import { describe, expect, it } from 'vitest';
import { Subject, take, toArray, firstValueFrom } from 'rxjs';
import { createApiClient } from './api-client.ts';
import { createPullStream } from './pull-stream.ts';

/** A response whose body sends `chunks` (then ends, unless `hold`). */
function sse(chunks: string[], hold = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      if (!hold) controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

describe('createPullStream', () => {
  it('emits RESYNC on every connection and the messages in between, reconnecting after failures', async () => {
    let calls = 0;
    const online: boolean[] = [];
    const client = createApiClient({
      baseUrl: 'http://sync.test',
      getAccessToken: () => 't',
      fetch: async (input) => {
        expect(String(input)).toBe('http://sync.test/api/sync/dossiers/pull/stream');
        calls++;
        if (calls === 1) return sse(['data: {"documents":[{"id":"a"}],"chec', 'kpoint":{"seq":1}}\n\n']);
        if (calls === 2) throw new TypeError('fetch failed');
        return sse([': ping\n\n', 'data: {"documents":[{"id":"b"}],"checkpoint":{"seq":2}}\n\n'], true);
      },
    });
    client.online$.subscribe((o) => online.push(o));
    const items = await firstValueFrom(
      createPullStream({ client, collection: 'dossiers', backoff: { initialMs: 5, maxMs: 10 } }).pipe(take(4), toArray()),
    );
    expect(items).toEqual([
      'RESYNC',
      { documents: [{ id: 'a' }], checkpoint: { seq: 1 } },
      'RESYNC',
      { documents: [{ id: 'b' }], checkpoint: { seq: 2 } },
    ]);
    expect(online).toEqual([false, true, false, true]);
  });

  it('reports server errors, keeps retrying, and reconnects at once when woken', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const wake = new Subject<void>();
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: () => 't',
      fetch: async () => (++calls === 1 ? Response.json({ error: { code: 'boom', message: 'Lỗi' } }, { status: 500 }) : sse([], true)),
    });
    const stream = createPullStream({ client, collection: 'events', backoff: { initialMs: 60_000 }, wake$: wake, onError: (e) => errors.push(e) });
    const first = firstValueFrom(stream);
    await new Promise((r) => setTimeout(r, 20));
    expect(errors).toHaveLength(1);
    wake.next();
    expect(await first).toBe('RESYNC');
    expect(calls).toBe(2);
  });
});
