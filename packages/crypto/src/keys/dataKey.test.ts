import { describe, expect, it } from 'vitest';
import {
  deriveWrappingKey,
  exportDataKeyHex,
  generateDataKey,
  newKeySalt,
  unwrapDataKey,
  wrapDataKey,
} from './dataKey.ts';

describe('data key wrapping', () => {
  it('unwraps with the same password and salt, to the same key bytes', async () => {
    const salt = newKeySalt();
    const dataKey = await generateDataKey();
    const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey('Demo@2026', salt));
    const back = await unwrapDataKey(wrapped, await deriveWrappingKey('Demo@2026', salt));
    expect(await exportDataKeyHex(back)).toBe(await exportDataKeyHex(dataKey));
    expect(await exportDataKeyHex(back)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password with code wrong_key', async () => {
    const salt = newKeySalt();
    const wrapped = await wrapDataKey(await generateDataKey(), await deriveWrappingKey('Mật khẩu đúng', salt));
    await expect(unwrapDataKey(wrapped, await deriveWrappingKey('Mat khau dung', salt))).rejects.toMatchObject({
      code: 'wrong_key',
    });
  });

  it('refuses the right password with another salt, and an altered ciphertext', async () => {
    const salt = newKeySalt();
    const wrapping = await deriveWrappingKey('Demo@2026', salt);
    const wrapped = await wrapDataKey(await generateDataKey(), wrapping);
    await expect(unwrapDataKey(wrapped, await deriveWrappingKey('Demo@2026', newKeySalt()))).rejects.toMatchObject({
      code: 'wrong_key',
    });
    const flipped = (wrapped.ciphertext[0] === 'A' ? 'B' : 'A') + wrapped.ciphertext.slice(1);
    await expect(unwrapDataKey({ ...wrapped, ciphertext: flipped }, wrapping)).rejects.toMatchObject({ code: 'wrong_key' });
  });

  it('re-wraps under a new password without changing the data key', async () => {
    const salt = newKeySalt();
    const dataKey = await generateDataKey();
    const oldWrapped = await wrapDataKey(dataKey, await deriveWrappingKey('old-password', salt));
    const opened = await unwrapDataKey(oldWrapped, await deriveWrappingKey('old-password', salt));
    const newSalt = newKeySalt();
    const newWrapped = await wrapDataKey(opened, await deriveWrappingKey('new-password', newSalt));
    const reopened = await unwrapDataKey(newWrapped, await deriveWrappingKey('new-password', newSalt));
    expect(await exportDataKeyHex(reopened)).toBe(await exportDataKeyHex(dataKey));
  });

  it('keeps the wrapping key non-extractable and uses a fresh IV each time', async () => {
    const wrapping = await deriveWrappingKey('Demo@2026', newKeySalt());
    expect(wrapping.extractable).toBe(false);
    const dataKey = await generateDataKey();
    const a = await wrapDataKey(dataKey, wrapping);
    const b = await wrapDataKey(dataKey, wrapping);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses empty passwords and short or malformed salts', async () => {
    await expect(deriveWrappingKey('', newKeySalt())).rejects.toMatchObject({ code: 'bad_input' });
    await expect(deriveWrappingKey('x', 'AAAA')).rejects.toMatchObject({ code: 'bad_input' });
    await expect(deriveWrappingKey('x', 'not base64!')).rejects.toMatchObject({ code: 'bad_input' });
  });
});
