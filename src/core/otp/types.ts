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
  /**
   * `SHA1`, `SHA256`, `SHA512`, or one apps do not support, in canonical form: `SHA224`, `SHA384`,
   * `SHA3-224`, `SHA3-256`, `SHA3-384`, `SHA3-512`, `MD5` (these carry an `unsupported-algorithm` warning).
   */
  algorithm: string;
  /** Code length: 6–10; always 5 for Steam. */
  digits: number;
  /** Seconds a code lasts (TOTP, Steam; 1–300). 30 for HOTP, where it means nothing. */
  period: number;
  /** HOTP counter (0 for TOTP and Steam). */
  counter: number;
  /** Everything the person must know before typing the key into an app. */
  warnings: OtpWarning[];
  /** Position inside a Google Authenticator export: QR code `index` of `size` (1-based) of export `id`. */
  batch?: ExportBatch;
}

/**
 * Where a Google Authenticator export QR code sits in its export: code `index` of `size` (1-based) of the
 * export `id` (its `batch_id`: every code of one export carries the same one, a random int32).
 */
export interface ExportBatch {
  id: number;
  index: number;
  size: number;
}

/**
 * Every warning code, in the order the warnings are listed. The sentence for a code is the message
 * `otpWarning_<code with _ for ->` in `_locales/<lang>/otp.json`; its `params` fill `$1`, `$2`… in order:
 *
 * - `steam`: none. Steam Guard key: 5-character codes most apps cannot make.
 * - `hotp`: `$1` the counter. Counter-based key: the app's counter must match the site's.
 * - `algorithm`: `$1` the algorithm (SHA256 or SHA512). Not SHA1: manual entry in most apps uses SHA1.
 * - `unsupported-algorithm`: `$1` the algorithm (SHA224, SHA384, SHA3-…, MD5). Apps do not support it.
 * - `digits`: `$1` the number of digits (7–10). Not 6: manual entry in most apps makes 6 digits.
 * - `period`: `$1` the period in seconds. Not 30: manual entry in most apps uses 30 s.
 * - `short-key`: `$1` the key's length in base32 characters (under 16, i.e. under 10 bytes).
 * - `issuer-mismatch`: `$1` the issuer parameter (shown), `$2` the issuer in the label.
 * - `no-issuer`: none. The app will show only the account name.
 */
export const OTP_WARNING_CODES = [
  'steam',
  'hotp',
  'algorithm',
  'unsupported-algorithm',
  'digits',
  'period',
  'short-key',
  'issuer-mismatch',
  'no-issuer',
] as const;

export type OtpWarningCode = (typeof OTP_WARNING_CODES)[number];

/** A warning: a code and the values its sentence names (`params`, in order, as strings). */
export interface OtpWarning {
  code: OtpWarningCode;
  params: string[];
}

/**
 * Why an otpauth, steam or otpauth-migration text cannot be used. The sentence is the message
 * `otpError_<code with _ for ->` (no substitutions).
 */
export const OTP_ERROR_CODES = [
  /** `otpauth://<type>/` with a type other than totp, hotp, steam. */
  'unsupported-type',
  /** No `secret` parameter, or an empty one (also only padding or spaces). */
  'missing-secret',
  /** The secret holds characters outside base32, or too few to make one byte. */
  'invalid-secret',
  /** `digits` not a whole number from 6 to 10 (or an unknown digit count in an export). */
  'invalid-digits',
  /** `period` not a whole number of seconds from 1 to 300. */
  'invalid-period',
  /** HOTP `counter` not a whole number from 0 to 2^53−1. */
  'invalid-counter',
  /** HOTP without a `counter` parameter. */
  'missing-counter',
  /** `algorithm` names no hash function at all (SHA224, SHA3-…, MD5 are accepted with a warning). */
  'invalid-algorithm',
  /** Not a URI of the otpauth form at all (no type, no `?`…). */
  'invalid-uri',
  /** An otpauth-migration payload that is missing, not base64, truncated or not a valid export. */
  'invalid-migration',
  /** A valid otpauth-migration payload that holds no account. */
  'empty-migration',
] as const;

export type OtpErrorCode = (typeof OTP_ERROR_CODES)[number];

/**
 * Why a text that is not an account is still worth a sentence: the message `textNotice_<code with _>`.
 * For `invalid-otp` the popup shows `otpError_<error>`, which says what went wrong and what to try
 * (`textNotice_invalid_otp` is the general sentence to put before it).
 */
export const TEXT_NOTICE_CODES = [
  /** Looked like an otpauth code but could not be used; `error` says why. */
  'invalid-otp',
  /** A Microsoft account enrollment link: only Microsoft Authenticator can scan it; it carries no key. */
  'microsoft-enrollment',
  /** A Duo activation code or link: only Duo Mobile can scan it; it carries no key. */
  'duo-activation',
] as const;

export type TextNoticeCode = (typeof TEXT_NOTICE_CODES)[number];

export interface TextNotice {
  code: TextNoticeCode;
  error?: OtpErrorCode;
}

export type Entry =
  | { kind: 'otp'; account: OtpAccount }
  | {
      kind: 'text';
      /**
       * The decoded text as it was. For one unusable account inside an otpauth-migration export (which
       * carries `batch`), its name as the export wrote it (`Issuer:account`), never the key.
       */
      text: string;
      notice?: TextNotice;
      batch?: ExportBatch;
    };

/** A value or the reason there is none. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: OtpErrorCode };
