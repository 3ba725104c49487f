import { describe, expect, it, vi } from 'vitest';
import { checkRegisterForm, registerAccount, type RegisterForm } from './registerAccount.ts';

const form: RegisterForm = {
  cccd: '062099000777', fullName: 'Y Nhàn', birthDate: '1999-03-04', phone: '0905777888', email: '', password: 'Kon!Tum2026', confirm: 'Kon!Tum2026',
};

describe('checkRegisterForm', () => {
  it('accepts a complete form', () => {
    expect(checkRegisterForm(form)).toEqual({});
  });

  it('names each field that is wrong', () => {
    const errors = checkRegisterForm({ ...form, birthDate: '1985-03-04', phone: '', password: 'abcdefgh', confirm: 'x' });
    expect(Object.keys(errors).sort()).toEqual(['cccd', 'confirm', 'password', 'phone']);
  });
});

describe('registerAccount', () => {
  it('posts the form without the confirmation and surfaces the server message', async () => {
    const ok = vi.fn(async () => new Response(null, { status: 201 }));
    await registerAccount(form, ok as unknown as typeof fetch);
    const sent = JSON.parse(String((ok.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as Record<string, unknown>;
    expect(sent).toMatchObject({ cccd: form.cccd, phone: form.phone, email: null });
    expect(sent).not.toHaveProperty('confirm');
    const taken = vi.fn(async () => Response.json({ error: { code: 'account_exists', message: 'Số CCCD này đã có tài khoản' } }, { status: 409 }));
    await expect(registerAccount(form, taken as unknown as typeof fetch)).rejects.toThrow('Số CCCD này đã có tài khoản');
  });
});
