import { describe, expect, it } from 'vitest';
import type { CodeLease } from '@motcua/model';
import { makeCodeBook, LOW_CODES_WARNING } from './makeCodeBook.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

const now = new Date('2026-01-05T02:00:00Z');
const leaseFrom = (start: number) => async ({ count }: { count: number }): Promise<CodeLease> => ({
  agencyId: '001.29.00.H34',
  prefix: 'H34.29.2',
  ranges: ['2026-01-05', '2026-01-06'].map((date) => ({ date, from: start, to: start + count - 1 })),
});

describe('the device code book', () => {
  it('refills while online, issues leased codes, warns, then falls back to provisional codes', async () => {
    const book = makeCodeBook({ storage: memoryStorage(), userId: 'u1', deviceId: 'dev12345', requestLease: leaseFrom(1), now: () => now });
    expect(book.warning()).toBe(LOW_CODES_WARNING);
    expect(await book.refill()).toBe(true);
    expect(book.remaining()).toBe(20);
    expect(book.issue(now)).toMatchObject({ kind: 'leased', code: 'H34.29.2-260105-0001' });
    for (let i = 0; i < 15; i++) book.issue(now);
    expect(book.warning()).toBe(LOW_CODES_WARNING);
    for (let i = 0; i < 4; i++) book.issue(now);
    expect(book.issue(now)).toMatchObject({ kind: 'provisional', provisionalCode: 'TAM-DEV12345-1' });
  });

  it('keeps the book as it was when the lease request fails (offline)', async () => {
    const book = makeCodeBook({
      storage: memoryStorage(), userId: 'u1', deviceId: 'dev1', now: () => now,
      requestLease: () => Promise.reject(new Error('offline')),
    });
    expect(await book.refill()).toBe(false);
    expect(book.issue(now).kind).toBe('provisional');
  });

  it('two offline devices never issue the same code', async () => {
    const a = makeCodeBook({ storage: memoryStorage(), userId: 'u1', deviceId: 'devA', requestLease: leaseFrom(1), now: () => now });
    const b = makeCodeBook({ storage: memoryStorage(), userId: 'u2', deviceId: 'devB', requestLease: leaseFrom(21), now: () => now });
    await Promise.all([a.refill(), b.refill()]);
    const codes = Array.from({ length: 25 }, () => [a.issue(now), b.issue(now)]).flat()
      .map((x) => (x.kind === 'leased' ? x.code : x.provisionalCode));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
