import { enrollmentNotice } from './enrollment-links.ts';
import { parseMigrationUri } from './parse-migration.ts';
import { parseOtpauthUri, parseSteamUri } from './parse-otpauth.ts';
import type { Entry, OtpErrorCode } from './types.ts';

export { isBase32 } from './secret.ts';

function invalid(text: string, error: OtpErrorCode): Entry {
  return { kind: 'text', text, notice: { code: 'invalid-otp', error } };
}

function read(text: string): Entry[] {
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) {
    const entries = parseMigrationUri(trimmed);
    return entries.ok ? entries.value : [invalid(text, entries.error)];
  }
  if (/^otpauth:/i.test(trimmed)) {
    const account = parseOtpauthUri(trimmed);
    return [account.ok ? { kind: 'otp', account: account.value } : invalid(text, account.error)];
  }
  // steam:// is also Steam's browser protocol (steam://run/440): only a whole key is read as one.
  if (/^steam:\/\/[A-Za-z2-7 =-]{16,}\/?$/i.test(trimmed)) {
    const account = parseSteamUri(trimmed);
    if (account.ok) return [{ kind: 'otp', account: account.value }];
  }
  const notice = enrollmentNotice(trimmed);
  return [notice ? { kind: 'text', text, notice: { code: notice } } : { kind: 'text', text }];
}

/**
 * Turns the text of one QR code into what the popup shows: one entry per account (an otpauth-migration
 * export gives one per account it holds), or the text itself, with a notice when it looked like a
 * two-factor code that cannot be used or is a known enrollment code that holds no key. Never throws.
 */
export function readQrText(text: string): Entry[] {
  try {
    return read(text);
  } catch {
    // The parsers return typed results and the fuzz tests hold them to it; this only keeps a bug
    // from ever freezing the popup.
    return [invalid(text, 'invalid-uri')];
  }
}
