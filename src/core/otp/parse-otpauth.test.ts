/** Table-driven: the otpauth forms real sites emit, normalised (keys, labels, encodings, parameters). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEY, onlyAccount } from './test-helpers/only-account.ts';
import type { OtpAccount, OtpWarning } from './types.ts';

/** [what it shows, QR text, the account's fields that matter, its warnings] */
const ACCOUNTS: Array<[string, string, Partial<OtpAccount>, OtpWarning[]]> = [
  [
    'a plain TOTP code',
    `otpauth://totp/ACME:john?secret=${KEY}&issuer=ACME`,
    {
      type: 'TOTP',
      issuer: 'ACME',
      account: 'john',
      secret: KEY,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    },
    [],
  ],
  ['a lowercase key', `otpauth://totp/ACME:john?secret=${KEY.toLowerCase()}`, { secret: KEY }, []],
  [
    'a key with = padding',
    'otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PXPJBSW====',
    { secret: 'JBSWY3DPEHPK3PXPJBSW' },
    [],
  ],
  [
    'a key with spaces between groups',
    'otpauth://totp/ACME:john?secret=JBSW Y3DP EHPK 3PXP',
    { secret: KEY },
    [],
  ],
  [
    'a key with %20 between groups',
    'otpauth://totp/ACME:john?secret=JBSW%20Y3DP%20EHPK%203PXP',
    { secret: KEY },
    [],
  ],
  [
    'a key with + (a form-encoded space) between groups',
    'otpauth://totp/ACME:john?secret=JBSW+Y3DP+EHPK+3PXP',
    { secret: KEY },
    [],
  ],
  [
    'a key with hyphens between groups',
    'otpauth://totp/ACME:john?secret=jbsw-y3dp-ehpk-3pxp',
    { secret: KEY },
    [],
  ],
  [
    'surrounding whitespace',
    `  \n otpauth://totp/ACME:john?secret=${KEY}\r\n `,
    { issuer: 'ACME', secret: KEY },
    [],
  ],
  [
    'an uppercase URI (QR alphanumeric mode)',
    `OTPAUTH://TOTP/ACME:JOHN?SECRET=${KEY}&ISSUER=ACME`,
    { type: 'TOTP', issuer: 'ACME', account: 'JOHN', secret: KEY },
    [],
  ],
  [
    'a UTF-8 percent-encoded label',
    `otpauth://totp/%C3%84pfel:j%C3%B6rg?secret=${KEY}`,
    { issuer: 'Äpfel', account: 'jörg' },
    [],
  ],
  [
    'a UTF-8 percent-encoded issuer parameter',
    `otpauth://totp/j?secret=${KEY}&issuer=%C3%84pfel%20%26%20Birnen`,
    { issuer: 'Äpfel & Birnen', account: 'j' },
    [],
  ],
  [
    'a label split at %3A',
    `otpauth://totp/ACME%3Ajohn%40example.com?secret=${KEY}`,
    { issuer: 'ACME', account: 'john@example.com' },
    [],
  ],
  [
    'a label split at the first colon only',
    `otpauth://totp/ACME:john:work?secret=${KEY}`,
    { issuer: 'ACME', account: 'john:work' },
    [],
  ],
  [
    'spaces after the colon dropped',
    `otpauth://totp/ACME:%20%20john?secret=${KEY}`,
    { issuer: 'ACME', account: 'john' },
    [],
  ],
  [
    'a raw space after the colon dropped',
    `otpauth://totp/ACME: john?secret=${KEY}`,
    { issuer: 'ACME', account: 'john' },
    [],
  ],
  [
    'parameter names in any case',
    `otpauth://totp/ACME:john?Secret=${KEY}&Issuer=ACME&DIGITS=8&Period=60&AlGoRiThM=sha256`,
    { digits: 8, period: 60, algorithm: 'SHA256' },
    [
      { code: 'algorithm', params: ['SHA256'] },
      { code: 'digits', params: ['8'] },
      { code: 'period', params: ['60'] },
    ],
  ],
  [
    'unknown parameters ignored',
    `otpauth://totp/ACME:john?secret=${KEY}&image=https%3A%2F%2Fex.com%2Fa.png%3Fs%3D2&color=ff0000&lock=true&icon=x`,
    { issuer: 'ACME', secret: KEY },
    [],
  ],
  [
    'an unknown parameter holding a raw ?',
    `otpauth://totp/ACME:john?secret=${KEY}&image=https://ex.com/a.png?s=2&issuer=ACME`,
    { issuer: 'ACME', secret: KEY },
    [],
  ],
  [
    'the issuer parameter alone',
    `otpauth://totp/john?secret=${KEY}&issuer=ACME`,
    { issuer: 'ACME', account: 'john' },
    [],
  ],
  [
    'an empty label prefix with the issuer parameter',
    `otpauth://totp/:john?secret=${KEY}&issuer=ACME`,
    { issuer: 'ACME', account: 'john' },
    [],
  ],
  ['no label at all', `otpauth://totp?secret=${KEY}&issuer=ACME`, { issuer: 'ACME', account: '' }, []],
  ['an issuer but no account', `otpauth://totp/ACME:?secret=${KEY}`, { issuer: 'ACME', account: '' }, []],
  [
    'issuers that differ only in case',
    `otpauth://totp/acme:john?secret=${KEY}&issuer=ACME`,
    { issuer: 'ACME' },
    [],
  ],
  [
    'issuers that differ: the parameter shown, both named',
    `otpauth://totp/Old%20Name:john?secret=${KEY}&issuer=New%20Name`,
    { issuer: 'New Name', account: 'john' },
    [{ code: 'issuer-mismatch', params: ['New Name', 'Old Name'] }],
  ],
  [
    'no issuer anywhere',
    `otpauth://totp/john@example.com?secret=${KEY}`,
    { issuer: '', account: 'john@example.com' },
    [{ code: 'no-issuer', params: [] }],
  ],
  [
    '+ in a value stays + (RFC 3986)',
    `otpauth://totp/A+B:john?secret=${KEY}&issuer=A+B`,
    { issuer: 'A+B' },
    [],
  ],
  [
    'a repeated parameter: the first wins',
    `otpauth://totp/ACME:john?secret=${KEY}&secret=AAAAAAAAAAAAAAAA&digits=8&digits=6`,
    { secret: KEY, digits: 8 },
    [{ code: 'digits', params: ['8'] }],
  ],
  [
    'a lone % in the label kept',
    `otpauth://totp/100%25%20Safe:50%?secret=${KEY}`,
    { issuer: '100% Safe', account: '50%' },
    [],
  ],
  [
    'an escape that is not UTF-8 kept as written',
    `otpauth://totp/ACME:a%FFb%C3%A4?secret=${KEY}`,
    { account: 'a%FFbä' },
    [],
  ],
];

describe('otpauth codes as sites write them give the account', () => {
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
