import type { OtpAccount } from '../otp/types.ts';
import type { ExportNote, ExportNoteCode } from './types.ts';

/** The name a note shows: `Issuer (account)`, one of them, or `#n` for an account with neither. */
export function noteName(account: OtpAccount, index: number): string {
  if (account.issuer && account.account) return `${account.issuer} (${account.account})`;
  return account.issuer || account.account || `#${index + 1}`;
}

export function note(
  account: OtpAccount,
  index: number,
  code: ExportNoteCode,
  app: string,
  value: string,
): ExportNote {
  return { index, code, params: [noteName(account, index), app, value] };
}

/** The title an app that needs one shows for the account: the issuer, else the account name. */
export function entryTitle(account: OtpAccount, index: number): string {
  return account.issuer || account.account || `#${index + 1}`;
}
