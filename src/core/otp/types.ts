/** What the popup shows for one decoded QR text. Pure data: safe to store, compare and render as text. */

export type OtpType = 'TOTP' | 'HOTP' | 'Steam';

/** Algorithms authenticator apps support; anything else is kept as written and warned about. */
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpAccount {
  type: OtpType;
  /** Issuer (may be empty). */
  issuer: string;
  /** Account name / username (may be empty). */
  account: string;
  /** The key: uppercase base32, no padding, no spaces. */
  secret: string;
  /** `SHA1`, `SHA256`, `SHA512`, or an unsupported name as written (uppercased). */
  algorithm: string;
  digits: number;
  /** Seconds a code lasts (TOTP, Steam). */
  period: number;
  /** HOTP counter (0 for TOTP and Steam). */
  counter: number;
  /** Everything the person must know before typing the key into an app. */
  warnings: OtpWarning[];
  /** Position inside a Google Authenticator export: code `index` of `size` (1-based). */
  batch?: { index: number; size: number };
}

export type OtpWarningCode =
  | 'algorithm'
  | 'unsupported-algorithm'
  | 'digits'
  | 'period'
  | 'hotp'
  | 'steam'
  | 'issuer-mismatch'
  | 'short-key'
  | 'no-issuer';

/** A warning: a code and the values its sentence names (`params`, in order, as strings). */
export interface OtpWarning {
  code: OtpWarningCode;
  params: string[];
}

export type OtpErrorCode =
  | 'unsupported-type'
  | 'missing-secret'
  | 'invalid-secret'
  | 'invalid-digits'
  | 'invalid-period'
  | 'invalid-counter'
  | 'missing-counter'
  | 'invalid-uri'
  | 'invalid-migration';

/** Why a text that is not an account is still worth a sentence. */
export type TextNoticeCode =
  /** Looked like an otpauth code but could not be used; `error` says why. */
  | 'invalid-otp'
  /** A Microsoft account enrollment link: only Microsoft Authenticator can scan it; it carries no key. */
  | 'microsoft-enrollment'
  /** A Duo activation link: only Duo Mobile can scan it; it carries no key. */
  | 'duo-activation';

export interface TextNotice {
  code: TextNoticeCode;
  error?: OtpErrorCode;
}

export type Entry =
  | { kind: 'otp'; account: OtpAccount }
  | { kind: 'text'; text: string; notice?: TextNotice };
