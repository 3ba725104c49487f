import { describe, expect, it, vi } from 'vitest';
import { checkLookupInput, lookupDossier } from './lookupDossier.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('lookupDossier', () => {
  it('checks the form', () => {
    expect(checkLookupInput('', '062099000123')).toBe('Vui lòng nhập mã hồ sơ.');
    expect(checkLookupInput('H34.29.2-260304-0001', '0620')).toBe('Số CCCD phải gồm đúng 12 chữ số.');
    expect(checkLookupInput('H34.29.2-260304-0001', '062 099 000 123')).toBeNull();
  });

  it('sends the code and the CCCD without spaces, and reads the answer', async () => {
    const answer = { code: 'H34.29.2-260304-0001', status: 4, statusLabel: 'Đang xử lý', stepName: 'Thẩm định', dueAt: null };
    const fetch = vi.fn(async () => json(200, answer));
    expect(await lookupDossier({ code: ' H34.29.2-260304-0001 ', cccd: '062 099 000 123' }, { fetch })).toEqual({ ok: true, answer });
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ code: 'H34.29.2-260304-0001', cccd: '062099000123' });
  });

  it('shows the server’s message for not found and too many lookups, and a clear one offline', async () => {
    const notFound = vi.fn(async () => json(404, { error: { code: 'dossier_not_found', message: 'Không tìm thấy hồ sơ' } }));
    expect(await lookupDossier({ code: 'x', cccd: '062099000123' }, { fetch: notFound })).toEqual({ ok: false, message: 'Không tìm thấy hồ sơ' });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await lookupDossier({ code: 'x', cccd: '062099000123' }, { fetch: offline })).ok).toBe(false);
  });
});
