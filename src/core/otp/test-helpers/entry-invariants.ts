/**
 * Test helper: what the popup relies on in every entry `readQrText` returns, as a list of problems
 * (empty when all holds). Pure, so property tests in Node and anything else can use it.
 */
import { SUPPORTED_ALGORITHMS, UNSUPPORTED_ALGORITHMS } from '../algorithm.ts';
import { currentCode, groupKey, toOtpauthUri } from '../format.ts';
import { STEAM_ALPHABET } from '../steam.ts';
import {
  type Entry,
  OTP_ERROR_CODES,
  OTP_WARNING_CODES,
  type OtpAccount,
  TEXT_NOTICE_CODES,
} from '../types.ts';

const ALGORITHMS = [...SUPPORTED_ALGORITHMS, ...UNSUPPORTED_ALGORITHMS];
const WARNINGS: readonly string[] = OTP_WARNING_CODES;
const ERRORS: readonly string[] = OTP_ERROR_CODES;
const NOTICES: readonly string[] = TEXT_NOTICE_CODES;
const STEAM_CODE = new RegExp(`^[${STEAM_ALPHABET}]{5}$`);

const isWhole = (value: number, min: number, max: number): boolean =>
  Number.isSafeInteger(value) && value >= min && value <= max;

export function accountProblems(account: OtpAccount): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(['TOTP', 'HOTP', 'Steam'].includes(account.type), `type ${account.type}`);
  check(account.issuer === account.issuer.trim(), 'issuer not trimmed');
  check(account.account === account.account.trim(), 'account not trimmed');
  check(/^[A-Z2-7]{2,}$/.test(account.secret), `secret ${account.secret}`);
  check(ALGORITHMS.includes(account.algorithm), `algorithm ${account.algorithm}`);
  check(
    account.type === 'Steam' ? account.digits === 5 : isWhole(account.digits, 6, 10),
    `digits ${account.digits}`,
  );
  check(isWhole(account.period, 1, 300), `period ${account.period}`);
  check(isWhole(account.counter, 0, Number.MAX_SAFE_INTEGER), `counter ${account.counter}`);
  check(account.type === 'HOTP' || account.counter === 0, 'counter outside HOTP');
  for (const warning of account.warnings) {
    check(WARNINGS.includes(warning.code), `warning ${warning.code}`);
    check(
      warning.params.every((param) => typeof param === 'string'),
      `warning params ${warning.params}`,
    );
  }
  if (account.batch) {
    const { index, size } = account.batch;
    check(isWhole(index, 1, size), `batch ${index} of ${size}`);
  }
  const { code } = currentCode(account, 1_700_000_000_000);
  if (account.type === 'Steam') check(STEAM_CODE.test(code), `Steam code ${code}`);
  else if (account.algorithm === 'MD5') check(code === '', `MD5 code ${code}`);
  else check(new RegExp(`^\\d{${account.digits}}$`).test(code), `code ${code}`);
  check(groupKey(account.secret).replace(/ /g, '') === account.secret, 'groupKey changed the key');
  check(/^otpauth:\/\/[ht]otp\//.test(toOtpauthUri(account)), 'toOtpauthUri');
  return problems;
}

/** At least one entry, each well-formed; a text entry keeps the text as decoded. */
export function entryProblems(entries: Entry[], text: string): string[] {
  if (!Array.isArray(entries) || entries.length === 0) return ['no entry'];
  return entries.flatMap((entry): string[] => {
    if (entry.kind === 'otp') return accountProblems(entry.account);
    const problems: string[] = [];
    if (entry.kind !== 'text') return [`kind ${String((entry as { kind: unknown }).kind)}`];
    if (entry.batch === undefined && entry.text !== text) problems.push('text changed');
    if (entry.notice) {
      const { code, error } = entry.notice;
      if (!NOTICES.includes(code)) problems.push(`notice ${code}`);
      if (error !== undefined && !ERRORS.includes(error)) problems.push(`error ${error}`);
      if ((code === 'invalid-otp') !== (error !== undefined)) problems.push('error without invalid-otp');
    }
    return problems;
  });
}
