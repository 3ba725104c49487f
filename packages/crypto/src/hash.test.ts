import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash.ts';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the same digest for a string, its bytes and their buffer', async () => {
    const bytes = new TextEncoder().encode('Đắk La');
    const expected = await sha256Hex('Đắk La');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(bytes.buffer)).toBe(expected);
  });

  it('hashes only the view of a subarray', async () => {
    const whole = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex('abc'));
  });

  it('refuses other input types', async () => {
    await expect(sha256Hex(42 as unknown as string)).rejects.toMatchObject({ code: 'bad_input' });
  });
});
