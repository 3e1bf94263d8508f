import { HOTP, Secret, URI } from 'otpauth';
import type { Entry, OtpAccount } from './types.ts';

/**
 * Turns the text of one QR code into what the popup shows: one entry per account, or the text itself.
 * Never throws.
 */
export function readQrText(text: string): Entry[] {
  const trimmed = text.trim();
  if (!/^otpauth:\/\//i.test(trimmed)) return [{ kind: 'text', text }];
  try {
    const otp = URI.parse(trimmed);
    const account: OtpAccount = {
      type: otp instanceof HOTP ? 'HOTP' : 'TOTP',
      issuer: otp.issuer,
      account: otp.label,
      secret: otp.secret.base32.replace(/=+$/, ''),
      algorithm: otp.algorithm,
      digits: otp.digits,
      period: otp instanceof HOTP ? 30 : otp.period,
      counter: otp instanceof HOTP ? otp.counter : 0,
      warnings: [],
    };
    return [{ kind: 'otp', account }];
  } catch {
    return [{ kind: 'text', text, notice: { code: 'invalid-otp', error: 'invalid-uri' } }];
  }
}

/** Checks that a secret is usable base32 (re-exported for callers that only hold a key). */
export function isBase32(secret: string): boolean {
  try {
    return Secret.fromBase32(secret).bytes.length > 0;
  } catch {
    return false;
  }
}
