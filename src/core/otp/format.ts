import { HOTP, Secret } from 'otpauth';
import { DEFAULT_DIGITS, DEFAULT_PERIOD } from './limits.ts';
import { steamCode } from './steam.ts';
import type { OtpAccount } from './types.ts';
import { wellFormed } from './well-formed.ts';

/** The key in groups of four for reading and typing: `ABCD EFGH IJKL MNOP`. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Algorithms the `otpauth` package makes codes with, in Node and in the browser alike (not MD5). */
const CODE_ALGORITHMS = new Set([
  'SHA1',
  'SHA224',
  'SHA256',
  'SHA384',
  'SHA512',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
]);

/**
 * The code an app would show at `nowMs`: for TOTP and Steam the code of the current period and the
 * seconds it stays valid, for HOTP the code at the account's counter. Never throws: `code` is '' when no
 * code can be made (an algorithm such as MD5 that neither apps nor this extension support).
 */
export function currentCode(account: OtpAccount, nowMs: number): { code: string; secondsLeft?: number } {
  const seconds = Math.floor(nowMs / 1000);
  const secondsLeft = account.period - (seconds % account.period);
  const timeStep = Math.floor(seconds / account.period);
  try {
    const secret = Secret.fromBase32(account.secret);
    if (account.type === 'Steam') return { code: steamCode(secret, timeStep), secondsLeft };
    if (!CODE_ALGORITHMS.has(account.algorithm)) {
      return account.type === 'HOTP' ? { code: '' } : { code: '', secondsLeft };
    }
    const options = { secret, algorithm: account.algorithm, digits: account.digits };
    if (account.type === 'HOTP') return { code: HOTP.generate({ ...options, counter: account.counter }) };
    return { code: HOTP.generate({ ...options, counter: timeStep }), secondsLeft };
  } catch {
    return account.type === 'HOTP' ? { code: '' } : { code: '', secondsLeft };
  }
}

/**
 * Percent-encoding for a label or parameter value; `@` stays readable (RFC 3986 allows it there); never
 * throws (lone surrogates become U+FFFD).
 */
function encode(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/%40/g, '@');
}

/**
 * The label: `Issuer:account`. When the issuer holds a `:` itself, or there is no issuer and the account
 * holds one, the label is `:account` so that the first colon still separates them.
 */
function label(account: OtpAccount): string {
  if (account.issuer === '') {
    return account.account.includes(':') ? `:${encode(account.account)}` : encode(account.account);
  }
  if (account.issuer.includes(':')) return `:${encode(account.account)}`;
  return `${encode(account.issuer)}:${encode(account.account)}`;
}

/**
 * The normalised `otpauth://` URI of an account, for password managers: issuer in the label and as a
 * parameter, every part percent-encoded (UTF-8), parameters left out where they are the defaults
 * (SHA1, 6 digits, 30 s); Steam keys as `totp` with `encoder=steam`, as KeePassXC and others read them.
 */
export function toOtpauthUri(account: OtpAccount): string {
  const params: string[] = [];
  if (account.issuer) params.push(`issuer=${encode(account.issuer)}`);
  params.push(`secret=${account.secret}`);
  if (account.type !== 'Steam') {
    if (account.algorithm !== 'SHA1') params.push(`algorithm=${encode(account.algorithm)}`);
    if (account.digits !== DEFAULT_DIGITS) params.push(`digits=${account.digits}`);
  }
  if (account.type === 'TOTP' && account.period !== DEFAULT_PERIOD) params.push(`period=${account.period}`);
  if (account.type === 'HOTP') params.push(`counter=${account.counter}`);
  if (account.type === 'Steam') params.push('encoder=steam');
  const type = account.type === 'HOTP' ? 'hotp' : 'totp';
  return `otpauth://${type}/${label(account)}?${params.join('&')}`;
}
