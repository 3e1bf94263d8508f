import { type AccountDraft, finishAccount } from './account.ts';
import { canonicalAlgorithm } from './algorithm.ts';
import {
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  parseCounter,
  parseDigits,
  parsePeriod,
  STEAM_DIGITS,
} from './limits.ts';
import { percentDecode } from './percent-decode.ts';
import { normaliseSecret } from './secret.ts';
import type { OtpAccount, OtpType, Result } from './types.ts';

/** `otpauth://TYPE/LABEL?QUERY`; every part optional so that each defect gets its own error code. */
const OTPAUTH = /^otpauth:\/\/([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/is;

/**
 * The query's parameters: names percent-decoded and lowercased, values percent-decoded (UTF-8; `+` stays
 * `+`). The first of repeated names wins, as in Google Authenticator. Unknown names (`image`, `color`,
 * `lock`, `icon`…) are kept but never read; a value holding a raw `?` stays whole.
 */
export function queryParameters(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const name = percentDecode(equals < 0 ? pair : pair.slice(0, equals))
      .trim()
      .toLowerCase();
    const value = equals < 0 ? '' : percentDecode(pair.slice(equals + 1));
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  return params;
}

/** `Issuer:account` split at the first `:` or `%3A`, each part decoded and trimmed. */
export function splitLabel(rawLabel: string): { issuer: string; account: string } {
  const colon = /:|%3A/i.exec(rawLabel);
  if (!colon) return { issuer: '', account: percentDecode(rawLabel).trim() };
  return {
    issuer: percentDecode(rawLabel.slice(0, colon.index)).trim(),
    account: percentDecode(rawLabel.slice(colon.index + colon[0].length)).trim(),
  };
}

function otpType(rawType: string, params: Map<string, string>): Result<OtpType> {
  const type = percentDecode(rawType).trim().toLowerCase();
  if (type === '') return { ok: false, error: 'invalid-uri' };
  if (type === 'steam') return { ok: true, value: 'Steam' };
  if (type === 'hotp') return { ok: true, value: 'HOTP' };
  if (type !== 'totp') return { ok: false, error: 'unsupported-type' };
  const steam = params.get('encoder')?.trim().toLowerCase() === 'steam';
  return { ok: true, value: steam ? 'Steam' : 'TOTP' };
}

/** A parameter's value, or `undefined` when it is absent or empty. */
function given(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name);
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * One `otpauth://` URI (already trimmed) → a checked account, or the error code that says why it cannot
 * be used. Never throws.
 */
export function parseOtpauthUri(uri: string): Result<OtpAccount> {
  const match = OTPAUTH.exec(uri);
  if (!match) return { ok: false, error: 'invalid-uri' };
  const [, rawType = '', rawLabel = '', query = ''] = match;
  const params = queryParameters(query);
  const type = otpType(rawType, params);
  if (!type.ok) return type;

  const secret = normaliseSecret(params.get('secret') ?? '');
  if (!secret.ok) return secret;

  const draft: AccountDraft = {
    type: type.value,
    issuerParam: (params.get('issuer') ?? '').trim(),
    issuerLabel: '',
    account: '',
    secret: secret.value,
    algorithm: 'SHA1',
    digits: type.value === 'Steam' ? STEAM_DIGITS : DEFAULT_DIGITS,
    period: DEFAULT_PERIOD,
    counter: 0,
  };
  const label = splitLabel(rawLabel);
  draft.issuerLabel = label.issuer;
  draft.account = label.account;

  if (type.value !== 'Steam') {
    const rawAlgorithm = given(params, 'algorithm');
    if (rawAlgorithm !== undefined) {
      const algorithm = canonicalAlgorithm(rawAlgorithm);
      if (!algorithm.ok) return algorithm;
      draft.algorithm = algorithm.value;
    }
    const rawDigits = given(params, 'digits');
    if (rawDigits !== undefined) {
      const digits = parseDigits(rawDigits);
      if (!digits.ok) return digits;
      draft.digits = digits.value;
    }
  }
  if (type.value === 'TOTP') {
    const rawPeriod = given(params, 'period');
    if (rawPeriod !== undefined) {
      const period = parsePeriod(rawPeriod);
      if (!period.ok) return period;
      draft.period = period.value;
    }
  }
  if (type.value === 'HOTP') {
    const rawCounter = given(params, 'counter');
    if (rawCounter === undefined) return { ok: false, error: 'missing-counter' };
    const counter = parseCounter(rawCounter);
    if (!counter.ok) return counter;
    draft.counter = counter.value;
  }
  return { ok: true, value: finishAccount(draft) };
}

/** `steam://KEY` (as some Steam Guard tools export it) → a Steam account. */
export function parseSteamUri(uri: string): Result<OtpAccount> {
  const key = percentDecode(uri.replace(/^steam:\/\//i, '')).replace(/\/+$/, '');
  const secret = normaliseSecret(key);
  if (!secret.ok) return secret;
  const draft: AccountDraft = {
    type: 'Steam',
    issuerParam: '',
    issuerLabel: '',
    account: '',
    secret: secret.value,
    algorithm: 'SHA1',
    digits: STEAM_DIGITS,
    period: DEFAULT_PERIOD,
    counter: 0,
  };
  return { ok: true, value: finishAccount(draft) };
}
