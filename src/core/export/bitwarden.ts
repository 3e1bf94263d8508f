import { toOtpauthUri } from '../otp/format.ts';
import type { OtpAccount } from '../otp/types.ts';
import { entryTitle, note } from './notes.ts';
import type { ExportNote, Writer } from './types.ts';

/** Bitwarden's TOTP reader knows these; any other `algorithm` it silently reads as SHA1. */
const BITWARDEN_ALGORITHMS = new Set(['SHA1', 'SHA256', 'SHA512']);

/** Login item type in Bitwarden's export (`CipherType.Login`). */
const LOGIN = 1;

/**
 * The TOTP field Bitwarden makes codes from, or `undefined` with the note why the key goes into the
 * item's notes instead: Bitwarden reads every `otpauth://` URI as TOTP (a `hotp` URI would give
 * time-based codes, `encoder=steam` 6-digit ones) and Steam only as `steam://KEY`.
 */
function totpField(account: OtpAccount, index: number): { totp?: string; note?: ExportNote } {
  if (account.type === 'Steam') return { totp: `steam://${account.secret}` };
  if (account.type === 'HOTP') {
    return { note: note(account, index, 'notes-only-hotp', 'Bitwarden', String(account.counter)) };
  }
  if (!BITWARDEN_ALGORITHMS.has(account.algorithm)) {
    return { note: note(account, index, 'notes-only-algorithm', 'Bitwarden', account.algorithm) };
  }
  return { totp: toOtpauthUri(account) };
}

/**
 * A Bitwarden unencrypted JSON export (`encrypted: false`, `folders`, `items`), as Bitwarden writes it:
 * one login item (`type: 1`) per account, named by the issuer (else the account), the account as
 * `login.username`, the key as `login.totp`. An account Bitwarden cannot make codes for (HOTP, an
 * algorithm it lacks) keeps its `otpauth://` URI in the item's `notes` and has no `totp`, with a note.
 * Bitwarden imports it under "Import data → Bitwarden (json)".
 */
export const writeBitwardenExport: Writer = (accounts, { now, newId }) => {
  const notes: ExportNote[] = [];
  const date = new Date(now).toISOString();
  const items = accounts.map((account, index) => {
    const field = totpField(account, index);
    if (field.note) notes.push(field.note);
    return {
      id: newId(),
      organizationId: null,
      folderId: null,
      type: LOGIN,
      reprompt: 0,
      name: entryTitle(account, index),
      notes: field.totp === undefined ? toOtpauthUri(account) : null,
      favorite: false,
      login: {
        fido2Credentials: [],
        uris: [],
        username: account.account || null,
        password: null,
        totp: field.totp ?? null,
      },
      collectionIds: null,
      passwordHistory: null,
      revisionDate: date,
      creationDate: date,
    };
  });
  const file = { encrypted: false, folders: [], items };
  return { text: JSON.stringify(file, null, 2), notes, written: items.length };
};
