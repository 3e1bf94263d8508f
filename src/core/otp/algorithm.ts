import type { Result } from './types.ts';

/** The algorithms authenticator apps support. */
export const SUPPORTED_ALGORITHMS: readonly string[] = ['SHA1', 'SHA256', 'SHA512'];

/** Hash functions a code can be made with, but no common app supports: kept, with a warning. */
export const UNSUPPORTED_ALGORITHMS: readonly string[] = [
  'SHA224',
  'SHA384',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'MD5',
];

const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^SHA-?1$/, 'SHA1'],
  [/^SHA-?(?:2-?)?224$/, 'SHA224'],
  [/^SHA-?(?:2-?)?256$/, 'SHA256'],
  [/^SHA-?(?:2-?)?384$/, 'SHA384'],
  [/^SHA-?(?:2-?)?512$/, 'SHA512'],
  [/^SHA-?3-?224$/, 'SHA3-224'],
  [/^SHA-?3-?256$/, 'SHA3-256'],
  [/^SHA-?3-?384$/, 'SHA3-384'],
  [/^SHA-?3-?512$/, 'SHA3-512'],
  [/^MD-?5$/, 'MD5'],
];

/**
 * An algorithm as sites write it (`sha256`, `SHA-256`, `HmacSHA256`, `HMAC-SHA-256`, `SHA_256`) → its
 * canonical name, or `invalid-algorithm` when it names no hash function.
 */
export function canonicalAlgorithm(raw: string): Result<string> {
  const name = raw
    .trim()
    .toUpperCase()
    .replace(/_/g, '-')
    .replace(/^HMAC-?/, '');
  for (const [spelling, canonical] of SPELLINGS) {
    if (spelling.test(name)) return { ok: true, value: canonical };
  }
  return { ok: false, error: 'invalid-algorithm' };
}
