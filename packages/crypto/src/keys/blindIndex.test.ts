import { describe, expect, it } from 'vitest';
import { blindIndexer } from './blindIndex.ts';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

describe('blindIndexer', () => {
  it('gives equal tokens for equal values under one key and purpose, and reveals nothing of the value', async () => {
    const token = await blindIndexer(KEY_A, 'ownerCccd');
    const first = await token('062099000123');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await token('062099000123')).toBe(first);
    expect(await token('062099000124')).not.toBe(first);
    expect(first).not.toContain('062099000123');
  });

  it('gives other tokens under another key or for another purpose', async () => {
    const value = '062099000123';
    const a = await (await blindIndexer(KEY_A, 'ownerCccd'))(value);
    expect(await (await blindIndexer(KEY_B, 'ownerCccd'))(value)).not.toBe(a);
    expect(await (await blindIndexer(KEY_A, 'other'))(value)).not.toBe(a);
  });

  it('refuses a key that is not hex', async () => {
    await expect(blindIndexer('not-a-key', 'ownerCccd')).rejects.toThrow(/hex/);
  });
});
