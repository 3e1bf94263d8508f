import { toOtpauthUri } from '../otp/format.ts';
import type { Writer } from './types.ts';

/**
 * One normalised `otpauth://` URI a line (`\n`, with a final newline), in the order given: the text
 * `copy-all` copies and what KeePassXC, andOTP, Aegis ("plain text") and most apps import. It holds every
 * account as it is (Steam as `totp` with `encoder=steam`, HOTP with its counter), so it has no notes.
 */
export const writeOtpauthList: Writer = (accounts) => ({
  text: accounts.map((account) => `${toOtpauthUri(account)}\n`).join(''),
  notes: [],
  written: accounts.length,
});
