/**
 * Self-service accounts: a citizen registers (CCCD checked against the birth date, Argon2id
 * password of minimum strength, first account details sent through the outbox), and anyone
 * resets a forgotten password with a one-time code sent the same way.
 */
import { validateCccd } from '@motcua/model';
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

export interface Registration {
  cccd: string;
  fullName: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  password: string;
}

const PHONE = /^(0|\+84)\d{9,10}$/;
const EMAIL = /^[^\s@<>()"',;:]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a registration; throws 422 with a Vietnamese message naming what is wrong. */
export function checkRegistration(input: Registration): void {
  const invalid = (code: string, message: string) => {
    throw unprocessable(code, message);
  };
  const name = input.fullName.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what a name may not hold
  if (name.length < 2 || name.length > 100 || /[<>{}\u0000-\u001f]/.test(name)) invalid('invalid_name', 'Họ và tên không hợp lệ');
  if (!DATE.test(input.birthDate) || Number.isNaN(Date.parse(input.birthDate)) || Date.parse(input.birthDate) > Date.now()) {
    invalid('invalid_birth_date', 'Ngày sinh không hợp lệ (YYYY-MM-DD)');
  }
  const cccdProblem = validateCccd(input.cccd, input.birthDate);
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
    /** Creates a citizen account (username = CCCD); 409 `account_exists` when the CCCD has one. */
    async register(input: Registration): Promise<UserRecord> {
      checkRegistration(input);
      if (await store.users.byUsername(input.cccd)) {
        throw new HttpError(409, 'account_exists', 'Số CCCD này đã có tài khoản; nếu quên mật khẩu, hãy dùng "Quên mật khẩu"');
      }
      const record: UserRecord = {
        id: `u-${randomToken(12)}`,
        username: input.cccd,
        fullName: input.fullName.trim().normalize('NFC'),
        role: 'citizen',
        agencyId: null,
        cccd: input.cccd,
        disabled: false,
        passwordHash: await hashPassword(input.password),
        birthDate: input.birthDate,
        phone: input.phone,
        email: input.email,
      };
      await store.users.create(record);
      await audit(record.id, 'account.register', record.id);
      await sendAccountNotice(
        store,
        record.id,
        'account.registered',
        record,
        'Tài khoản Một cửa đã được tạo',
        `Xin chào ${record.fullName}. Tài khoản của bạn đã được tạo; tên đăng nhập là số CCCD ${record.cccd}. Nếu không phải bạn đăng ký, hãy báo cho UBND xã.`,
      );
      return record;
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
