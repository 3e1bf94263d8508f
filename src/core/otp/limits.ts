import type { OtpErrorCode, Result } from './types.ts';

export const MIN_DIGITS = 6;
export const MAX_DIGITS = 10;
export const MIN_PERIOD = 1;
export const MAX_PERIOD = 300;
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;
export const STEAM_DIGITS = 5;
export const DEFAULT_DIGITS = 6;
export const DEFAULT_PERIOD = 30;

/** A whole number as written in a URI (`8`, `+8`, `08`, with spaces around), or `undefined`. */
function wholeNumber(raw: string): number | undefined {
  const match = /^\s*\+?(\d{1,20})\s*$/.exec(raw);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function inRange(raw: string, min: number, max: number, error: OtpErrorCode): Result<number> {
  const value = wholeNumber(raw);
  if (value === undefined || value < min || value > max) return { ok: false, error };
  return { ok: true, value };
}

export function parseDigits(raw: string): Result<number> {
  return inRange(raw, MIN_DIGITS, MAX_DIGITS, 'invalid-digits');
}

export function parsePeriod(raw: string): Result<number> {
  return inRange(raw, MIN_PERIOD, MAX_PERIOD, 'invalid-period');
}

export function parseCounter(raw: string): Result<number> {
  return inRange(raw, 0, MAX_COUNTER, 'invalid-counter');
}
