import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('hashPassword / verifyPassword', () => {
  it('encodes Argon2id with its parameters (m ≥ 19 MiB, t = 2)', async () => {
    const encoded = await hashPassword('Demo@2026');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('Mật khẩu đúng');
    expect(await verifyPassword('Mật khẩu đúng', encoded)).toBe(true);
    expect(await verifyPassword('Mat khau dung', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses weak parameters and empty passwords', async () => {
    await expect(hashPassword('x', { memoryKiB: 1024 })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(hashPassword('x', { iterations: 1 })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(hashPassword('')).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('throws on a malformed stored hash instead of answering false', async () => {
    await expect(verifyPassword('x', 'plaintext')).rejects.toMatchObject({ code: 'bad_hash_format' });
  });
});
