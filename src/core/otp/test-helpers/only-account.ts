import assert from 'node:assert/strict';
import { readQrText } from '../read-qr-text.ts';
import type { OtpAccount } from '../types.ts';

/** A valid base32 key (RFC 4648 "Hello!\xDE\xAD\xBE\xEF") the table-driven tests build URIs around. */
export const KEY = 'JBSWY3DPEHPK3PXP';

/** The one account `text` must give; fails the test with the entries otherwise. */
export function onlyAccount(text: string): OtpAccount {
  const entries = readQrText(text);
  assert.equal(entries.length, 1, `one entry for ${text}`);
  const [entry] = entries;
  assert.equal(entry?.kind, 'otp', `an account for ${text}: ${JSON.stringify(entry)}`);
  if (entry?.kind !== 'otp') throw new Error('unreachable');
  return entry.account;
}
