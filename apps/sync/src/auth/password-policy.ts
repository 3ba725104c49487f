/**
 * The minimum strength of a password chosen by a person (registration, reset, new officer).
 */

export const MIN_PASSWORD_LENGTH = 8;

/**
 * Why `password` is too weak, in Vietnamese, or null when it is acceptable: at least 8 characters,
 * three of the four kinds (lower case, upper case, digit, symbol), and not containing the
 * account's own identifiers (CCCD, username, phone).
 */
export function passwordProblem(password: string, identifiers: Array<string | null | undefined> = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (password.length > 256) return 'Mật khẩu quá dài (tối đa 256 ký tự)';
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (kinds < 3) return 'Mật khẩu cần có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký hiệu';
  const lower = password.toLowerCase();
  for (const id of identifiers) {
    if (id && id.length >= 4 && lower.includes(id.toLowerCase())) return 'Mật khẩu không được chứa số CCCD, tên đăng nhập hay số điện thoại';
  }
  return null;
}
