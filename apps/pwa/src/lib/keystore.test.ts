import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from './auth.ts';
import { createKeyEntry, keyEntryName, openKeyEntry, readKeyEntry, removeKeyEntry, rewrapKeyEntry, updateKeyEntry } from './keystore.ts';

const user = { id: 'u1', username: 'Motcua.DakLa', fullName: 'Phạm Thị Hoa', role: 'receptionist' as const, agencyId: '001.29.00.H34', cccd: null };

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('keystore', () => {
  it('keeps only the wrapped key; the password opens it, a wrong one does not', async () => {
    const storage = memoryStorage();
    const { key } = await createKeyEntry(storage, { user, password: 'Demo@2026', shared: true });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const stored = storage.data.get(keyEntryName('motcua.dakla'))!;
    expect(stored).not.toContain(key);
    expect(stored).not.toContain('Demo@2026');
    const entry = readKeyEntry(storage, ' MOTCUA.dakla ')!;
    expect(entry.shared).toBe(true);
    expect(await openKeyEntry(entry, 'Demo@2026')).toBe(key);
    await expect(openKeyEntry(entry, 'demo@2026')).rejects.toMatchObject({ code: 'wrong_key' });
  });

  it('a password change re-wraps the same key', async () => {
    const storage = memoryStorage();
    const { key } = await createKeyEntry(storage, { user, password: 'old-password', shared: false });
    const next = await rewrapKeyEntry(storage, user.username, 'old-password', 'new-password');
    expect(await openKeyEntry(next, 'new-password')).toBe(key);
    await expect(openKeyEntry(readKeyEntry(storage, user.username)!, 'old-password')).rejects.toMatchObject({ code: 'wrong_key' });
  });

  it('updates the profile and the shared flag, and forgets the entry', async () => {
    const storage = memoryStorage();
    const { entry } = await createKeyEntry(storage, { user, password: 'Demo@2026', shared: false });
    updateKeyEntry(storage, entry, { user: { ...user, fullName: 'Phạm Thị Hoa (mới)' }, shared: true });
    expect(readKeyEntry(storage, user.username)).toMatchObject({ shared: true, user: { fullName: 'Phạm Thị Hoa (mới)' } });
    removeKeyEntry(storage, user.username);
    expect(readKeyEntry(storage, user.username)).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('ignores malformed entries', () => {
    const storage = memoryStorage();
    storage.setItem(keyEntryName('x'), '{not json');
    expect(readKeyEntry(storage, 'x')).toBeNull();
  });
});
