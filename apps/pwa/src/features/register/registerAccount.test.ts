import { describe, expect, it, vi } from 'vitest';
import { checkRegisterForm, registerAccount, type RegisterForm } from './registerAccount.ts';

const form: RegisterForm = {
  cccd: '062099000777', code: '12345678', phone: '0905777888', email: '', password: 'Kon!Tum2026', confirm: 'Kon!Tum2026',
};

describe('checkRegisterForm', () => {
  it('accepts a complete form', () => {
    expect(checkRegisterForm(form)).toEqual({});
  });

  it('names each field that is wrong', () => {
    const errors = checkRegisterForm({ ...form, cccd: '06209900077', code: '1234', phone: '', password: 'abcdefgh', confirm: 'x' });
    expect(Object.keys(errors).sort()).toEqual(['cccd', 'code', 'confirm', 'password', 'phone']);
  });
});

describe('registerAccount', () => {
  it('posts the form without the confirmation and surfaces the server message', async () => {
    const ok = vi.fn(async () => new Response(null, { status: 201 }));
    await registerAccount(form, ok as unknown as typeof fetch);
    const sent = JSON.parse(String((ok.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as Record<string, unknown>;
    expect(sent).toMatchObject({ cccd: form.cccd, code: form.code, phone: form.phone, email: null });
    expect(sent).not.toHaveProperty('confirm');
    const wrong = vi.fn(async () => Response.json({ error: { code: 'invalid_activation_code', message: 'Mã kích hoạt không đúng hoặc đã hết hạn' } }, { status: 400 }));
    await expect(registerAccount(form, wrong as unknown as typeof fetch)).rejects.toThrow('Mã kích hoạt không đúng hoặc đã hết hạn');
  });
});
