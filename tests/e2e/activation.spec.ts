/**
 * A citizen's account proves who they are: the desk checks the card against the population
 * registry and prints an activation code; with it the citizen sets a password at "Đăng ký tài
 * khoản" and signs in under the registry's name. A number alone, without the code, opens nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../apps/sync/src/demo/users.ts';
import { SYNTHETIC_PEOPLE } from '../../apps/sync/src/population/synthetic.ts';
import { signIn, useServerAndBrowser } from './helpers.ts';

const PERSON = SYNTHETIC_PEOPLE.find((p) => !DEMO_USERS.some((u) => u.cccd === p.cccd))!;
const PASSWORD = 'Kon!Tum2026x';
const [year, month, day] = PERSON.birthDate.split('-');

describe('a citizen activates their account with the desk’s code', () => {
  const env = useServerAndBrowser();

  it('the desk prints the code, the citizen registers on a phone and signs in', { timeout: 240_000 }, async () => {
    const desk = await (await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(desk, env.server.url, 'motcua.dakla');
    await desk.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Cấp mã kích hoạt tài khoản' }).click();
    await desk.getByLabel('Số CCCD (12 chữ số)').fill(PERSON.cccd);
    await desk.getByLabel('Họ và tên').fill(PERSON.fullName);
    await desk.getByLabel('Ngày sinh (dd/mm/yyyy)').fill(`${day}/${month}/${year}`);
    await desk.getByRole('button', { name: 'Kiểm tra và cấp mã' }).click();
    const code = (await desk.locator('.activation-code').innerText({ timeout: 30_000 })).trim();
    expect(code).toMatch(/^\d{8}$/);

    const phone = await (await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } })).newPage();
    const register = async (withCode: string) => {
      await phone.goto(`${env.server.url}/dang-ky`);
      await phone.getByLabel('Số CCCD (12 chữ số)').fill(PERSON.cccd);
      await phone.getByLabel(/Mã kích hoạt/).fill(withCode);
      await phone.getByLabel('Số điện thoại', { exact: true }).fill('0905123456');
      await phone.getByLabel(/^Mật khẩu/).fill(PASSWORD);
      await phone.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
      await phone.getByRole('button', { name: 'Đăng ký' }).click();
    };
    // A guessed code is refused, and says where the real one comes from.
    await register(code === '00000000' ? '11111111' : '00000000');
    await phone.getByRole('alert').getByText(/Mã kích hoạt không đúng hoặc đã hết hạn/).waitFor();
    await register(code);
    await phone.getByText('Đã kích hoạt tài khoản.').waitFor();

    await phone.goto(`${env.server.url}/`);
    await phone.getByLabel('Tên đăng nhập hoặc số CCCD').fill(PERSON.cccd);
    await phone.getByLabel('Mật khẩu').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Đăng nhập' }).click();
    await phone.getByText(PERSON.fullName).first().waitFor({ timeout: 60_000 });
  });
});
