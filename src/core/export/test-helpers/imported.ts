import type { OtpAccount } from '../../otp/types.ts';

/** An account as another app's importer would hold it: what its reader in these tests gives back. */
export interface ImportedAccount {
  type: 'TOTP' | 'HOTP' | 'Steam';
  issuer: string;
  account: string;
  /** Uppercase base32, no padding (re-encoded from the bytes the app decoded). */
  secret: string;
  algorithm: string;
  digits: number;
  /** TOTP and Steam only. */
  period?: number;
  /** HOTP only. */
  counter?: number;
}

/** What an exporter must have carried over for `account`: every key, name, issuer and parameter. */
export function expectedImport(account: OtpAccount): ImportedAccount {
  const base = {
    type: account.type,
    issuer: account.issuer,
    account: account.account,
    secret: account.secret,
  };
  if (account.type === 'Steam') return { ...base, algorithm: 'SHA1', digits: 5, period: 30 };
  if (account.type === 'HOTP') {
    return { ...base, algorithm: account.algorithm, digits: account.digits, counter: account.counter };
  }
  return { ...base, algorithm: account.algorithm, digits: account.digits, period: account.period };
}

/** A file-level refusal, as the app would show it (the whole file is not imported). */
export class ImportRefused extends Error {}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required string field (Java `getString`, Kotlin/Swift non-optional `String`). */
export function requireString(object: Record<string, unknown>, name: string): string {
  const value = object[name];
  if (typeof value !== 'string') throw new ImportRefused(`"${name}" is not a string`);
  return value;
}

/** A required whole number within `min`…`max` (`getInt`, Kotlin `Int`, Swift `Int`). */
export function requireInteger(
  object: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number {
  const value = object[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ImportRefused(`"${name}" is not a whole number from ${min} to ${max}: ${String(value)}`);
  }
  return value;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Strict RFC 4648 base32 (upper or lower case, optional `=` padding) → bytes, as the apps decode keys. */
export function decodeBase32(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/=+$/, '');
  if (!/^[A-Z2-7]+$/.test(clean)) throw new ImportRefused(`not base32: ${text}`);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
    }
  }
  return Uint8Array.from(bytes);
}

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
      buffer &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
