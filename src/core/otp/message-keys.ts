import type { OtpAccount, OtpErrorCode, OtpWarning, TextNotice } from './types.ts';

/**
 * The `_locales` message keys of the core's codes (Chrome allows only `[A-Za-z0-9_]` in keys). The core
 * returns codes only; the popup looks the sentences up with the extension i18n API (`getMessage`).
 */
const underscore = (code: string): string => code.replace(/-/g, '_');

export function warningMessageKey(code: OtpWarning['code']): string {
  return `otpWarning_${underscore(code)}`;
}

export function errorMessageKey(code: OtpErrorCode): string {
  return `otpError_${underscore(code)}`;
}

export function noticeMessageKey(code: TextNotice['code']): string {
  return `textNotice_${underscore(code)}`;
}

/**
 * A sentence to look up: its key and the substitutions for `$1`, `$2`… When it shows a count, `count` is
 * that number (it is also `$1`), and `key` names a plural family: `<key>_one`, `<key>_other`… as the
 * language needs (the UI picks the form with `Intl.PluralRules`).
 */
export interface Message {
  key: string;
  substitutions: string[];
  count?: number;
}

/** Warnings whose first param is a count of things (digits, seconds, characters). */
const COUNTED: ReadonlySet<OtpWarning['code']> = new Set(['digits', 'period', 'short-key']);

/** The sentences of a warning, in the order to show them. */
export function warningMessage(warning: OtpWarning): Message {
  const message: Message = { key: warningMessageKey(warning.code), substitutions: warning.params };
  const count = Number(warning.params[0]);
  if (COUNTED.has(warning.code) && Number.isInteger(count)) message.count = count;
  return message;
}

/** The sentences for a text's notice: the notice, then for `invalid-otp` the reason and what to try. */
export function noticeMessages(notice: TextNotice): Message[] {
  const messages: Message[] = [{ key: noticeMessageKey(notice.code), substitutions: [] }];
  if (notice.error) messages.push({ key: errorMessageKey(notice.error), substitutions: [] });
  return messages;
}

/** "Code N of M of this export" for an account or text from a Google Authenticator export. */
export function batchMessage(batch: NonNullable<OtpAccount['batch']>): Message {
  return { key: 'otpBatch', substitutions: [String(batch.index), String(batch.size)] };
}
