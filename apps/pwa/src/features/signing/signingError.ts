/**
 * The typed failures of device signing, each with a Vietnamese message fit to show.
 */
export type SigningErrorCode = 'not_enrolled' | 'offline' | 'enroll_refused' | 'no_trust_anchor' | 'unsupported' | 'storage';

export class SigningError extends Error {
  override readonly name = 'SigningError';
  constructor(
    readonly code: SigningErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notEnrolled = () =>
  new SigningError(
    'not_enrolled',
    'Máy này chưa có chứng thư số của bạn. Hãy đăng nhập khi có mạng một lần để được cấp chứng thư, rồi ký lại.',
  );
