/** Table-driven: algorithms, digits, periods, HOTP, Steam and key lengths, and the warnings each needs. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEY, onlyAccount } from './test-helpers/only-account.ts';
import type { OtpAccount, OtpWarning } from './types.ts';

/** [what it shows, QR text, the account's fields that matter, its warnings] */
const ACCOUNTS: Array<[string, string, Partial<OtpAccount>, OtpWarning[]]> = [
  [
    'SHA256',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=SHA256`,
    { algorithm: 'SHA256' },
    [{ code: 'algorithm', params: ['SHA256'] }],
  ],
  [
    'SHA512 written sha-512',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=sha-512`,
    { algorithm: 'SHA512' },
    [{ code: 'algorithm', params: ['SHA512'] }],
  ],
  [
    'SHA1 written HmacSHA1',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=HmacSHA1`,
    { algorithm: 'SHA1' },
    [],
  ],
  [
    'SHA224: no app supports it',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=SHA224`,
    { algorithm: 'SHA224' },
    [{ code: 'unsupported-algorithm', params: ['SHA224'] }],
  ],
  [
    'SHA384: no app supports it',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=SHA-384`,
    { algorithm: 'SHA384' },
    [{ code: 'unsupported-algorithm', params: ['SHA384'] }],
  ],
  [
    'SHA3-256: no app supports it',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=sha3-256`,
    { algorithm: 'SHA3-256' },
    [{ code: 'unsupported-algorithm', params: ['SHA3-256'] }],
  ],
  [
    'MD5: no app supports it',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=MD5`,
    { algorithm: 'MD5' },
    [{ code: 'unsupported-algorithm', params: ['MD5'] }],
  ],
  ['6 digits said explicitly', `otpauth://totp/ACME:john?secret=${KEY}&digits=6`, { digits: 6 }, []],
  [
    '7 digits',
    `otpauth://totp/ACME:john?secret=${KEY}&digits=7`,
    { digits: 7 },
    [{ code: 'digits', params: ['7'] }],
  ],
  [
    '10 digits',
    `otpauth://totp/ACME:john?secret=${KEY}&digits=10`,
    { digits: 10 },
    [{ code: 'digits', params: ['10'] }],
  ],
  ['period 30 said explicitly', `otpauth://totp/ACME:john?secret=${KEY}&period=30`, { period: 30 }, []],
  [
    'period 1 s',
    `otpauth://totp/ACME:john?secret=${KEY}&period=1`,
    { period: 1 },
    [{ code: 'period', params: ['1'] }],
  ],
  [
    'period 300 s',
    `otpauth://totp/ACME:john?secret=${KEY}&period=300`,
    { period: 300 },
    [{ code: 'period', params: ['300'] }],
  ],
  [
    'an empty digits parameter means the default',
    `otpauth://totp/ACME:john?secret=${KEY}&digits=&period=`,
    { digits: 6, period: 30 },
    [],
  ],
  [
    'HOTP at counter 0',
    `otpauth://hotp/ACME:john?secret=${KEY}&counter=0`,
    { type: 'HOTP', counter: 0 },
    [{ code: 'hotp', params: ['0'] }],
  ],
  [
    'HOTP at counter 2^53-1',
    `otpauth://hotp/ACME:john?secret=${KEY}&counter=9007199254740991`,
    { type: 'HOTP', counter: 9007199254740991 },
    [{ code: 'hotp', params: ['9007199254740991'] }],
  ],
  [
    'HOTP ignores a period',
    `otpauth://hotp/ACME:john?secret=${KEY}&counter=5&period=999`,
    { type: 'HOTP', counter: 5, period: 30 },
    [{ code: 'hotp', params: ['5'] }],
  ],
  [
    'TOTP ignores a counter',
    `otpauth://totp/ACME:john?secret=${KEY}&counter=x`,
    { type: 'TOTP', counter: 0 },
    [],
  ],
  [
    'Steam by encoder=steam',
    `otpauth://totp/Steam:gabe?secret=${KEY}&issuer=Steam&encoder=steam`,
    { type: 'Steam', issuer: 'Steam', account: 'gabe', digits: 5, period: 30, algorithm: 'SHA1' },
    [{ code: 'steam', params: [] }],
  ],
  [
    'Steam by otpauth://steam/ (digits=5 as Aegis writes it)',
    `otpauth://steam/Steam:gabe?secret=${KEY}&digits=5`,
    { type: 'Steam', issuer: 'Steam', account: 'gabe', digits: 5 },
    [{ code: 'steam', params: [] }],
  ],
  [
    'Steam with no issuer is Steam',
    `otpauth://steam/gabe?secret=${KEY}`,
    { type: 'Steam', issuer: 'Steam' },
    [{ code: 'steam', params: [] }],
  ],
  [
    'Steam by steam://KEY',
    'steam://OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU',
    { type: 'Steam', issuer: 'Steam', account: '', secret: 'OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU', digits: 5 },
    [{ code: 'steam', params: [] }],
  ],
  [
    'a key of 8 characters (5 bytes)',
    'otpauth://totp/ACME:john?secret=JBSWY3DP',
    { secret: 'JBSWY3DP' },
    [{ code: 'short-key', params: ['8'] }],
  ],
  [
    'a key of 15 characters (9 bytes)',
    'otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PX',
    {},
    [{ code: 'short-key', params: ['15'] }],
  ],
  ['a key of 16 characters (10 bytes)', `otpauth://totp/ACME:john?secret=${KEY}`, {}, []],
  [
    'several warnings in a fixed order',
    'otpauth://hotp/john?secret=JBSWY3DP&counter=3&algorithm=SHA512&digits=8',
    { type: 'HOTP' },
    [
      { code: 'hotp', params: ['3'] },
      { code: 'algorithm', params: ['SHA512'] },
      { code: 'digits', params: ['8'] },
      { code: 'short-key', params: ['8'] },
      { code: 'no-issuer', params: [] },
    ],
  ],
];

describe('settings within the limits give the account and the warnings it needs', () => {
  for (const [what, text, fields, warnings] of ACCOUNTS) {
    test(what, () => {
      const account = onlyAccount(text);
      for (const [field, value] of Object.entries(fields)) {
        assert.deepEqual(account[field as keyof OtpAccount], value, `${field} of ${text}`);
      }
      assert.deepEqual(account.warnings, warnings);
      assert.match(account.secret, /^[A-Z2-7]+$/);
    });
  }
});
