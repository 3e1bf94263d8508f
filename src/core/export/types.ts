import type { OtpAccount } from '../otp/types.ts';

/** The file formats "Save as…" writes (the `export-format` option values of CONTRACT.md). */
export type ExportFormat = 'otpauth' | 'aegis' | 'bitwarden' | '2fas' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['otpauth', 'aegis', 'bitwarden', '2fas', 'csv'];

/**
 * What the person must know about one account in a saved file, when the app the file is for cannot
 * hold it as it is. No account is ever left out without one. The sentence is the message
 * `exportNote_<code with _ for ->` in `_locales/<lang>/export-notes.json`; `params` fill `$1`, `$2`, `$3`:
 *
 * - `left-out-algorithm`: `$1` the account's name, `$2` the app, `$3` the algorithm. Not in the file: the
 *   app cannot make codes with that algorithm (Aegis: only SHA1/SHA256/SHA512; 2FAS: no SHA3, no MD5).
 * - `left-out-counter`: `$1` the name, `$2` the app, `$3` the counter. Not in the file: 2FAS for Android
 *   reads the counter as a 32-bit number and would refuse the whole file.
 * - `notes-only-hotp`: `$1` the name, `$2` the app, `$3` the counter. Bitwarden makes no counter-based
 *   codes (it would show time-based ones): the item holds the `otpauth://` URI in its notes, no TOTP.
 * - `notes-only-algorithm`: `$1` the name, `$2` the app, `$3` the algorithm. Bitwarden makes codes with
 *   SHA1/SHA256/SHA512 only (others silently as SHA1): the URI is in the item's notes, no TOTP.
 */
export const EXPORT_NOTE_CODES = [
  'left-out-algorithm',
  'left-out-counter',
  'notes-only-hotp',
  'notes-only-algorithm',
] as const;

export type ExportNoteCode = (typeof EXPORT_NOTE_CODES)[number];

export interface ExportNote {
  /** Position of the account in the list given to `exportAccounts` (0-based). */
  index: number;
  code: ExportNoteCode;
  params: string[];
}

export interface ExportFile {
  fileName: string;
  /** For the Blob of the download link. */
  mimeType: string;
  text: string;
  /** One note per account the app cannot hold as it is, in account order; empty when every one fits. */
  notes: ExportNote[];
  /** How many accounts the file holds as the app's own entries (left-out ones are not counted). */
  written: number;
}

export interface ExportOptions {
  /** Milliseconds since 1970 for the file name and the timestamps inside; default `Date.now()`. */
  now?: number;
  /** New UUIDs (Aegis entries, Bitwarden items); default `crypto.randomUUID`. */
  newId?: () => string;
}

/** What one format's writer is given and gives back. */
export interface WriterContext {
  now: number;
  newId: () => string;
}

export interface Written {
  text: string;
  notes: ExportNote[];
  written: number;
}

export type Writer = (accounts: readonly OtpAccount[], context: WriterContext) => Written;
