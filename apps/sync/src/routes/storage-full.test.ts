import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a full disk', () => {
  it('answers a push that cannot be written with a clear JSON error, and the server keeps serving', async () => {
    const token = await t.token('motcua.dakla');
    const write = t.store.documents.write.bind(t.store.documents);
    t.store.documents.write = () => Promise.reject(Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' }));
    try {
      const response = await t.call('POST', '/api/codes/lease', { token, body: { deviceId: 'full-disk-desk', count: 1 } });
      expect(response.status).toBe(507);
      expect(await response.json()).toMatchObject({ error: { code: 'storage_full' } });
    } finally {
      t.store.documents.write = write;
    }
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });
});
