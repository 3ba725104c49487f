/**
 * The "Đăng ký tài khoản" form as plain data: checks the model can make in the browser (the CCCD,
 * the desk's eight-digit activation code, a contact, the password's strength and confirmation) and
 * the call to `POST /api/auth/register`. The server checks everything again.
 */
import { validateCccd } from '@motcua/model';
import { answerBody } from '../../lib/answerBody.ts';

export interface RegisterForm {
  cccd: string;
  /** The activation code the one-stop desk printed after checking the citizen's card. */
  code: string;
  phone: string;
  email: string;
  password: string;
  confirm: string;
}

export type FieldErrors = Partial<Record<keyof RegisterForm, string>>;

/** Field-by-field Vietnamese messages; empty when the form may be sent. */
export function checkRegisterForm(form: RegisterForm): FieldErrors {
  const errors: FieldErrors = {};
  const cccd = validateCccd(form.cccd.trim());
  if (cccd) errors.cccd = cccd;
  if (!/^\d{8}$/.test(form.code.trim())) errors.code = 'Nhập mã kích hoạt 8 chữ số do bộ phận một cửa cấp';
  if (!form.phone.trim() && !form.email.trim()) errors.phone = 'Cần số điện thoại hoặc thư điện tử';
  if (form.password.length < 8) errors.password = 'Mật khẩu cần ít nhất 8 ký tự';
  else if ([/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(form.password)).length < 3) {
    errors.password = 'Cần ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký hiệu';
  }
  if (form.confirm !== form.password) errors.confirm = 'Mật khẩu nhập lại không khớp';
  return errors;
}

/** Sends the registration; resolves on 201, rejects with the server's Vietnamese message. */
export async function registerAccount(form: RegisterForm, fetchFn: typeof fetch = fetch, baseUrl = ''): Promise<void> {
  const response = await fetchFn(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      cccd: form.cccd.trim(),
      code: form.code.trim(),
      phone: form.phone.trim() || null,
      email: form.email.trim() || null,
      password: form.password,
    }),
  });
  if (response.status === 201) return;
  const body = await answerBody<{ error?: { message?: string } }>(response);
  throw new Error(body?.error?.message ?? 'Không đăng ký được, vui lòng thử lại');
}
