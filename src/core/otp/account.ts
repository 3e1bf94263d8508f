import { SUPPORTED_ALGORITHMS } from './algorithm.ts';
import { DEFAULT_DIGITS, DEFAULT_PERIOD } from './limits.ts';
import { base32ByteLength, SHORT_KEY_BYTES } from './secret.ts';
import type { OtpAccount, OtpType, OtpWarning } from './types.ts';
import { wellFormed } from './well-formed.ts';

/** An account's checked values, with both places an issuer can be written, before warnings. */
export interface AccountDraft {
  type: OtpType;
  /** The `issuer` parameter (or the export's issuer field); '' when absent. */
  issuerParam: string;
  /** The issuer before the `:` of the label; '' when absent. */
  issuerLabel: string;
  account: string;
  /** Normalised base32 (see `normaliseSecret`). */
  secret: string;
  /** Canonical name (see `canonicalAlgorithm`). */
  algorithm: string;
  digits: number;
  period: number;
  counter: number;
}

function sameIssuer(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function warningsFor(account: Omit<OtpAccount, 'warnings'>, draft: AccountDraft): OtpWarning[] {
  const warnings: OtpWarning[] = [];
  if (account.type === 'Steam') warnings.push({ code: 'steam', params: [] });
  if (account.type === 'HOTP') warnings.push({ code: 'hotp', params: [String(account.counter)] });
  if (account.type !== 'Steam') {
    if (!SUPPORTED_ALGORITHMS.includes(account.algorithm)) {
      warnings.push({ code: 'unsupported-algorithm', params: [account.algorithm] });
    } else if (account.algorithm !== 'SHA1') {
      warnings.push({ code: 'algorithm', params: [account.algorithm] });
    }
    if (account.digits !== DEFAULT_DIGITS)
      warnings.push({ code: 'digits', params: [String(account.digits)] });
    if (account.type === 'TOTP' && account.period !== DEFAULT_PERIOD) {
      warnings.push({ code: 'period', params: [String(account.period)] });
    }
  }
  if (base32ByteLength(account.secret.length) < SHORT_KEY_BYTES) {
    warnings.push({ code: 'short-key', params: [String(account.secret.length)] });
  }
  if (draft.issuerParam && draft.issuerLabel && !sameIssuer(draft.issuerParam, draft.issuerLabel)) {
    warnings.push({
      code: 'issuer-mismatch',
      params: [wellFormed(draft.issuerParam), wellFormed(draft.issuerLabel)],
    });
  }
  if (account.issuer === '') warnings.push({ code: 'no-issuer', params: [] });
  return warnings;
}

/**
 * The account the popup shows: the issuer parameter wins over the label's (a mismatch is warned about),
 * a Steam key with no issuer is Steam's, and every warning the person needs is attached.
 */
export function finishAccount(draft: AccountDraft, batch?: OtpAccount['batch']): OtpAccount {
  let issuer = wellFormed(draft.issuerParam || draft.issuerLabel);
  if (issuer === '' && draft.type === 'Steam') issuer = 'Steam';
  const account: Omit<OtpAccount, 'warnings'> = {
    type: draft.type,
    issuer,
    account: wellFormed(draft.account),
    secret: draft.secret,
    algorithm: draft.algorithm,
    digits: draft.digits,
    period: draft.period,
    counter: draft.counter,
  };
  const result: OtpAccount = { ...account, warnings: warningsFor(account, draft) };
  if (batch) result.batch = batch;
  return result;
}
