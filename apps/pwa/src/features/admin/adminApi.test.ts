import { describe, expect, it, vi } from 'vitest';
import { makeAdminApi } from './adminApi.ts';

describe('makeAdminApi', () => {
  it('sends the bearer token, encodes ids and surfaces server messages', async () => {
    const fetchFn = vi.fn(async (url: string, init: RequestInit) => {
      if (url.endsWith('/revoke')) return Response.json({ error: { message: 'Không có thiết bị này trong đơn vị' } }, { status: 404 });
      return Response.json({ user: { id: 'u-1', role: 'leader' }, init });
    });
    const api = makeAdminApi(async () => 'T', fetchFn as unknown as typeof fetch);
    await api.update('u/1', { role: 'leader' });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/admin/users/u%2F1');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer T');
    await expect(api.revokeDevice('d1')).rejects.toThrow('Không có thiết bị này trong đơn vị');
  });
});
