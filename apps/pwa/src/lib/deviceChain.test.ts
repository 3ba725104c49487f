import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '@motcua/model';
import type { KeyValueStorage } from './auth.ts';
import { DEVICE_ID_KEY, makeDeviceChain } from './deviceChain.ts';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const fakeEvent = (seq: number, hash: string) => ({ deviceSeq: seq, hash }) as DossierEvent;

describe('device chain', () => {
  it('keeps one device id across reloads', () => {
    const storage = memoryStorage();
    const a = makeDeviceChain({ storage });
    expect(storage.getItem(DEVICE_ID_KEY)).toBe(a.deviceId);
    expect(makeDeviceChain({ storage }).deviceId).toBe(a.deviceId);
  });

  it('moves the head only after the event is stored, one append at a time', async () => {
    const storage = memoryStorage();
    const chain = makeDeviceChain({ storage });
    const seen: Array<number | null> = [];
    const build = async (prev: { deviceSeq: number; hash: string } | null) => {
      seen.push(prev?.deviceSeq ?? null);
      const seq = (prev?.deviceSeq ?? 0) + 1;
      return fakeEvent(seq, `h${seq}`);
    };
    await Promise.all([chain.append(build, async () => {}), chain.append(build, async () => {})]);
    expect(seen).toEqual([null, 1]);
    await expect(chain.append(build, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(chain.head()).toEqual({ deviceSeq: 2, hash: 'h2' });
    expect(makeDeviceChain({ storage }).head()).toEqual({ deviceSeq: 2, hash: 'h2' });
  });
});
