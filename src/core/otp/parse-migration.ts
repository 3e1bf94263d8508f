import { type AccountDraft, finishAccount } from './account.ts';
import { DEFAULT_PERIOD, MAX_COUNTER } from './limits.ts';
import { decodeMigrationPayload, type MigrationParameters } from './migration-payload.ts';
import { queryParameters } from './parse-otpauth.ts';
import { bytesToBase32, normaliseSecret } from './secret.ts';
import type { Entry, OtpAccount, OtpType, Result } from './types.ts';

const MIGRATION = /^otpauth-migration:\/\/[^?]*\?(.*)$/is;

/** Algorithm enum: 0 unspecified (SHA1), 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
/** DigitCount enum: 0 unspecified (6), 1 six, 2 eight, 3 seven (in newer versions of the proto). */
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8, 3: 7 };
/** OtpType enum: 0 unspecified (TOTP, as Google Authenticator reads it), 1 HOTP, 2 TOTP. */
const TYPES: Record<number, OtpType> = { 0: 'TOTP', 1: 'HOTP', 2: 'TOTP' };

/**
 * The `data` parameter → bytes. It is base64 that was URL-encoded, often with `+` turned into spaces on
 * the way (and sometimes written as base64url); padding is optional.
 */
export function migrationBytes(data: string): Result<Uint8Array> {
  const base64 = data
    .replace(/ /g, '+')
    .replace(/[\t\n\r]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]*$/.test(base64) || base64.length % 4 === 1) {
    return { ok: false, error: 'invalid-migration' };
  }
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return { ok: true, value: bytes };
}

/** How the export names the account, for a text entry: `Issuer:account` as written, never the key. */
function nameAsWritten(parameters: MigrationParameters): string {
  if (parameters.issuer && !parameters.name.includes(':')) return `${parameters.issuer}:${parameters.name}`;
  return parameters.name || parameters.issuer;
}

function toAccount(parameters: MigrationParameters, batch: OtpAccount['batch']): Result<OtpAccount> {
  const type = TYPES[parameters.type];
  if (type === undefined) return { ok: false, error: 'unsupported-type' };
  const algorithm = ALGORITHMS[parameters.algorithm];
  if (algorithm === undefined) return { ok: false, error: 'invalid-algorithm' };
  const digits = DIGITS[parameters.digits];
  if (digits === undefined) return { ok: false, error: 'invalid-digits' };
  if (parameters.secret.length === 0) return { ok: false, error: 'missing-secret' };
  const secret = normaliseSecret(bytesToBase32(parameters.secret));
  if (!secret.ok) return secret;
  let counter = 0;
  if (type === 'HOTP') {
    if (parameters.counter < 0n || parameters.counter > BigInt(MAX_COUNTER)) {
      return { ok: false, error: 'invalid-counter' };
    }
    counter = Number(parameters.counter);
  }
  const colon = parameters.name.indexOf(':');
  const draft: AccountDraft = {
    type,
    issuerParam: parameters.issuer.trim(),
    issuerLabel: colon < 0 ? '' : parameters.name.slice(0, colon).trim(),
    account: (colon < 0 ? parameters.name : parameters.name.slice(colon + 1)).trim(),
    secret: secret.value,
    algorithm,
    digits,
    period: DEFAULT_PERIOD,
    counter,
  };
  return { ok: true, value: finishAccount(draft, batch) };
}

/**
 * An `otpauth-migration://offline?data=…` text (already trimmed) → one entry per account it holds, each
 * with its QR code's place in the export; an account that cannot be used becomes a text entry naming it.
 * The whole export fails (`invalid-migration`, `empty-migration`) only when nothing in it is readable.
 */
export function parseMigrationUri(uri: string): Result<Entry[]> {
  const match = MIGRATION.exec(uri);
  if (!match) return { ok: false, error: 'invalid-migration' };
  const data = queryParameters(match[1] ?? '').get('data');
  if (data === undefined) return { ok: false, error: 'invalid-migration' };
  const bytes = migrationBytes(data);
  if (!bytes.ok) return bytes;
  const payload = decodeMigrationPayload(bytes.value);
  if (!payload.ok) return payload;
  const { accounts, batchIndex, batchSize, batchId } = payload.value;
  if (accounts.length === 0) return { ok: false, error: 'empty-migration' };
  const index = Math.max(batchIndex, 0) + 1;
  const batch = { id: batchId, index, size: Math.max(batchSize, index) };
  return {
    ok: true,
    value: accounts.map((parameters): Entry => {
      const account = toAccount(parameters, { ...batch });
      if (account.ok) return { kind: 'otp', account: account.value };
      const notice = { code: 'invalid-otp' as const, error: account.error };
      return { kind: 'text', text: nameAsWritten(parameters), notice, batch: { ...batch } };
    }),
  };
}
