import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalAlgorithm } from './algorithm.ts';

const CANONICAL: Array<[string, string]> = [
  ['SHA1', 'SHA1'],
  ['sha1', 'SHA1'],
  ['SHA-1', 'SHA1'],
  ['HmacSHA1', 'SHA1'],
  ['HMAC-SHA1', 'SHA1'],
  [' SHA256 ', 'SHA256'],
  ['SHA-256', 'SHA256'],
  ['SHA_256', 'SHA256'],
  ['SHA2-256', 'SHA256'],
  ['sha512', 'SHA512'],
  ['SHA224', 'SHA224'],
  ['SHA-384', 'SHA384'],
  ['SHA3-224', 'SHA3-224'],
  ['sha3_256', 'SHA3-256'],
  ['SHA3-384', 'SHA3-384'],
  ['SHA-3-512', 'SHA3-512'],
  ['MD5', 'MD5'],
  ['md-5', 'MD5'],
];
for (const [written, canonical] of CANONICAL) {
  test(`canonicalAlgorithm: ${JSON.stringify(written)} → ${canonical}`, () => {
    assert.deepEqual(canonicalAlgorithm(written), { ok: true, value: canonical });
  });
}

for (const written of ['', 'SHA', 'SHA2', 'SHA-128', 'MD4', 'SHA1SHA1', 'HMAC', 'RIPEMD160', 'SHA3']) {
  test(`canonicalAlgorithm: ${JSON.stringify(written)} names no hash`, () => {
    assert.deepEqual(canonicalAlgorithm(written), { ok: false, error: 'invalid-algorithm' });
  });
}
