import { HOTP, Secret, TOTP } from 'otpauth';
import type { OtpAccount } from './types.ts';

/** The key in groups of four for reading and typing: `ABCD EFGH IJKL MNOP`. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The code an app would show at `now` (ms), and for TOTP the seconds it stays valid. */
export function currentCode(account: OtpAccount, now: number): { code: string; secondsLeft?: number } {
  const secret = Secret.fromBase32(account.secret);
  const options = { secret, algorithm: account.algorithm, digits: account.digits };
  if (account.type === 'HOTP') {
    return { code: HOTP.generate({ ...options, counter: account.counter }) };
  }
  const code = TOTP.generate({ ...options, period: account.period, timestamp: now });
  const secondsLeft = account.period - (Math.floor(now / 1000) % account.period);
  return { code, secondsLeft };
}

/**
 * The normalised `otpauth://` URI of an account, for password managers: issuer in the label and as a
 * parameter, every part percent-encoded, only the parameters that differ from nothing left out.
 */
export function toOtpauthUri(account: OtpAccount): string {
  const type = account.type === 'HOTP' ? 'hotp' : 'totp';
  const label = account.issuer
    ? `${encodeURIComponent(account.issuer)}:${encodeURIComponent(account.account)}`
    : encodeURIComponent(account.account);
  const params = new URLSearchParams({ secret: account.secret });
  if (account.issuer) params.set('issuer', account.issuer);
  params.set('algorithm', account.algorithm);
  params.set('digits', String(account.digits));
  if (account.type === 'HOTP') params.set('counter', String(account.counter));
  else params.set('period', String(account.period));
  if (account.type === 'Steam') params.set('encoder', 'steam');
  return `otpauth://${type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
