/**
 * Citizens' accounts: the desk checks a person's card against the population registry and prints
 * an activation code; with it the citizen sets their password and contact ("Đăng ký tài khoản"), so
 * an account proves control of the identity, never knowledge of a number, and carries the
 * registry's name. Anyone resets a forgotten password with a one-time code sent to their contact.
 */
import { validateCccd, type PopulationPerson, type SessionUser } from '@motcua/model';
import { hashPassword, randomBytes, randomToken, sha256Hex } from '@motcua/crypto';
import { badRequest, HttpError, unprocessable } from '../errors.ts';
import type { SyncStore, UserRecord } from '../store/types.ts';
import { sendAccountNotice } from './account-notice.ts';
import { passwordProblem } from './password-policy.ts';

export const RESET_CODE_MINUTES = 15;
/**
 * A reset request answers after this long whether or not the account exists, so that its timing
 * tells nothing about who has an account.
 */
export const RESET_ANSWER_MS = 300;

/** How long the desk's activation code stands. */
export const ACTIVATION_DAYS = 7;

export interface Registration {
  cccd: string;
  /** The activation code the desk printed. */
  code: string;
  phone: string | null;
  email: string | null;
  password: string;
}

const PHONE = /^(0|\+84)\d{9,10}$/;
const EMAIL = /^[^\s@<>()"',;:]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$/;

/** Checks a registration; throws 422 with a Vietnamese message naming what is wrong. */
export function checkRegistration(input: Registration): void {
  const invalid = (code: string, message: string) => {
    throw unprocessable(code, message);
  };
  const cccdProblem = validateCccd(input.cccd);
  if (cccdProblem) invalid('invalid_cccd', cccdProblem);
  if (!input.phone && !input.email) invalid('missing_contact', 'Cần số điện thoại hoặc thư điện tử để nhận thông tin tài khoản');
  if (input.phone && !PHONE.test(input.phone)) invalid('invalid_phone', 'Số điện thoại không hợp lệ');
  if (input.email && !EMAIL.test(input.email)) invalid('invalid_email', 'Địa chỉ thư điện tử không hợp lệ');
  const weak = passwordProblem(input.password, [input.cccd, input.phone]);
  if (weak) invalid('weak_password', weak);
}

/**
 * An eight-digit code, drawn from 32 random bits (the modulo bias is under 10⁻¹): with the attempts
 * an account gets across all its codes in an hour, guessing one is hopeless.
 */
function resetCode(): string {
  const bytes = randomBytes(4);
  const n = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  return String(n % 100_000_000).padStart(8, '0');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const codeHash = (userId: string, code: string) => sha256Hex(`${userId}:${code}`);

export function createAccounts(deps: { store: SyncStore }) {
  const { store } = deps;
  const audit = (userId: string, action: string, subject: string) => store.warehouse.audit({ userId, action, subject });

  /** The reset code, to the account's phone or email, when it exists and has one. */
  async function sendResetCode(username: string): Promise<void> {
    const record = await store.users.byUsername(username.trim());
    if (!record || record.disabled || (!record.email && !record.phone)) return;
    const code = resetCode();
    await store.accounts.putResetCode(record.id, await codeHash(record.id, code), new Date(Date.now() + RESET_CODE_MINUTES * 60_000));
    await audit(record.id, 'auth.reset_requested', record.id);
    await sendAccountNotice(
      store,
      record.id,
      'account.reset_code',
      record,
      'Mã đặt lại mật khẩu Một cửa',
      `Mã của bạn là ${code}, dùng được một lần trong ${RESET_CODE_MINUTES} phút. Không đưa mã này cho ai.`,
    );
  }

  return {
    /**
     * The desk's activation code for `person`, as the population registry holds them: their account
     * is made (with the registry's name, and a password nobody knows) when they have none, and a
     * code issued again replaces the last one, so the real owner takes back a number someone else
     * had registered.
     */
    async issueActivation(person: PopulationPerson, by: SessionUser): Promise<{ code: string; expiresAt: string; fullName: string }> {
      let record = await store.users.byUsername(person.cccd);
      if (record && record.role !== 'citizen') throw new HttpError(409, 'account_exists', 'Số này là tên đăng nhập của một cán bộ');
      if (!record) {
        record = {
          id: `u-${randomToken(12)}`, username: person.cccd, fullName: person.fullName, role: 'citizen', agencyId: null, cccd: person.cccd,
          disabled: false, passwordHash: await hashPassword(randomToken(32)), birthDate: person.birthDate, phone: null, email: null,
        };
        await store.users.create(record);
      } else {
        // A contact someone else gave with this number gets no reset codes until the owner activates.
        await store.accounts.update(record.id, { contact: { phone: null, email: null } });
      }
      const code = resetCode();
      const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000);
      await store.accounts.putResetCode(record.id, await codeHash(record.id, code), expiresAt);
      await audit(by.id, 'account.activation_issued', record.id);
      return { code, expiresAt: expiresAt.toISOString(), fullName: record.fullName };
    },

    /**
     * Activates a citizen's account with the desk's code: sets the password and contact and signs
     * out every earlier session. 400 `invalid_activation_code` for an unknown number or a wrong,
     * used or expired code, alike.
     */
    async register(input: Registration): Promise<UserRecord> {
      checkRegistration(input);
      const refused = () => badRequest('invalid_activation_code', 'Mã kích hoạt không đúng hoặc đã hết hạn; hãy xin mã tại bộ phận một cửa');
      const record = await store.users.byUsername(input.cccd);
      if (!record || record.role !== 'citizen' || !/^\d{8}$/.test(input.code)) throw refused();
      if (!(await store.accounts.takeResetCode(record.id, await codeHash(record.id, input.code)))) throw refused();
      await store.accounts.update(record.id, { passwordHash: await hashPassword(input.password), contact: { phone: input.phone, email: input.email } });
      await store.accounts.revokeAllTokens(record.id);
      await audit(record.id, 'account.register', record.id);
      const contact = { phone: input.phone, email: input.email };
      await sendAccountNotice(
        store,
        record.id,
        'account.registered',
        contact,
        'Tài khoản Một cửa đã được kích hoạt',
        `Xin chào ${record.fullName}. Tài khoản của bạn đã được kích hoạt; tên đăng nhập là số CCCD ${record.username}. Nếu không phải bạn, hãy báo cho UBND xã.`,
      );
      return { ...record, ...contact };
    },

    /**
     * Sends a one-time code when the account exists and has a contact; silent otherwise, and in
     * the same time either way (`RESET_ANSWER_MS`).
     */
    async requestReset(username: string): Promise<void> {
      const started = Date.now();
      try {
        await sendResetCode(username);
      } finally {
        await pause(started + RESET_ANSWER_MS - Date.now());
      }
    },

    /** Sets a new password with a valid code and signs the account out everywhere. */
    async confirmReset(username: string, code: string, password: string): Promise<void> {
      const refused = () => badRequest('invalid_reset_code', 'Mã đặt lại mật khẩu không đúng hoặc đã hết hạn');
      const record = await store.users.byUsername(username.trim());
      if (!record || !/^\d{8}$/.test(code)) throw refused();
      const weak = passwordProblem(password, [record.username, record.cccd, record.phone]);
      if (weak) throw unprocessable('weak_password', weak);
      if (!(await store.accounts.takeResetCode(record.id, await codeHash(record.id, code)))) throw refused();
      await store.accounts.update(record.id, { passwordHash: await hashPassword(password) });
      await store.accounts.revokeAllTokens(record.id);
      await audit(record.id, 'auth.reset', record.id);
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
