import { bytesToBase32 } from '../../otp/secret.ts';
import { onlyAccount } from '../../otp/test-helpers/only-account.ts';
import type { OtpAccount } from '../../otp/types.ts';

/** A distinct key per account (20 bytes; 64 for the SHA512 one), so no app merges two of them. */
const key = (seed: string, bytes = 20): string =>
  bytesToBase32(new TextEncoder().encode(seed.padEnd(bytes, '.').slice(0, bytes)));

/**
 * The accounts every exporter is tested with, each read from a URI the way the popup reads it (so each
 * carries the warnings the popup shows): every type, algorithm, digit count, period, counter, and the
 * names that break naive writers (empty issuer, accents, CJK, emoji, `:`, CSV specials, formulas).
 */
const URIS: Record<string, string> = {
  'TOTP defaults': `otpauth://totp/ACME%20Co:john@example.com?secret=${key('totp-defaults')}&issuer=ACME%20Co`,
  'TOTP SHA256, 8 digits, 60 s': `otpauth://totp/Example:alice?secret=${key('sha256-8-60')}&issuer=Example&algorithm=SHA256&digits=8&period=60`,
  'TOTP SHA512, 7 digits, 15 s, 64-byte key': `otpauth://totp/Vault:ops?secret=${key('sha512-7-15', 64)}&issuer=Vault&algorithm=SHA512&digits=7&period=15`,
  'TOTP 10 digits, 300 s': `otpauth://totp/Slow:tester?secret=${key('ten-digits')}&issuer=Slow&digits=10&period=300`,
  'HOTP counter 0': `otpauth://hotp/Bank:bob?secret=${key('hotp-0')}&issuer=Bank&counter=0`,
  'HOTP counter 7, SHA256, 8 digits': `otpauth://hotp/Bank:carol?secret=${key('hotp-7')}&issuer=Bank&counter=7&algorithm=SHA256&digits=8`,
  'HOTP counter 2^31-1, SHA512': `otpauth://hotp/Token:dave?secret=${key('hotp-int32')}&issuer=Token&counter=2147483647&algorithm=SHA512`,
  'HOTP counter 2^53-1': `otpauth://hotp/Token:erin?secret=${key('hotp-large')}&issuer=Token&counter=9007199254740991`,
  Steam: `otpauth://totp/Steam:gamer?secret=${key('steam')}&issuer=Steam&encoder=steam`,
  'Steam, other issuer': `otpauth://totp/Valve:player2?secret=${key('steam-2')}&issuer=Valve&encoder=steam`,
  'empty issuer': `otpauth://totp/alice@example.com?secret=${key('no-issuer')}`,
  'empty issuer and account': `otpauth://totp/?secret=${key('no-names')}`,
  accents: `otpauth://totp/B%C3%A4ckerei%20M%C3%BCller:%C3%86r%C3%B8sk%C3%B8bing?secret=${key('accents')}&issuer=B%C3%A4ckerei%20M%C3%BCller`,
  CJK: `otpauth://totp/%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE:%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E?secret=${key('cjk')}&issuer=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE`,
  emoji: `otpauth://totp/%F0%9F%A6%8A%20Fox:fox%20%F0%9F%8E%89?secret=${key('emoji')}&issuer=%F0%9F%A6%8A%20Fox`,
  ': in issuer': `otpauth://totp/:root?secret=${key('colon-issuer')}&issuer=Acme%3ALabs`,
  ': in account': `otpauth://totp/Acme:user%3Aadmin?secret=${key('colon-account')}&issuer=Acme`,
  ': in account, no issuer': `otpauth://totp/:user%3Aadmin?secret=${key('colon-no-issuer')}`,
  'comma, quotes, newline': `otpauth://totp/Smith%2C%20%22Jr.%22:line%201%0Aline%202?secret=${key('csv-specials')}&issuer=Smith%2C%20%22Jr.%22`,
  'formula in issuer': `otpauth://totp/%3DHYPERLINK(%22x%22):%2B1%20555?secret=${key('formula')}&issuer=%3DHYPERLINK(%22x%22)`,
  'formula-like account names': `otpauth://totp/%40Shop:-5%2B3?secret=${key('formula-2')}&issuer=%40Shop`,
  'MD5 (no app supports it)': `otpauth://totp/Old:legacy?secret=${key('md5')}&issuer=Old&algorithm=MD5`,
  'SHA384 (2FAS only)': `otpauth://totp/Odd:user?secret=${key('sha384')}&issuer=Odd&algorithm=SHA384`,
  'SHA3-256 (no app)': `otpauth://hotp/New:user?secret=${key('sha3')}&issuer=New&algorithm=SHA3-256&counter=3`,
};

export interface NamedAccount {
  name: string;
  account: OtpAccount;
}

export const EXPORT_TABLE: readonly NamedAccount[] = Object.entries(URIS).map(([name, uri]) => ({
  name,
  account: onlyAccount(uri),
}));

export const EXPORT_ACCOUNTS: readonly OtpAccount[] = EXPORT_TABLE.map((row) => row.account);

/** Deterministic UUIDs (v4 form) for tests: `00000000-0000-4000-8000-000000000001`, … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => {
    n++;
    return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  };
}

/** 2026-12-01 12:00 UTC: the same calendar day in every time zone from UTC−11 to UTC+11. */
export const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
