import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupKey } from './format.ts';
import { readQrText } from './read-qr-text.ts';
import type { OtpAccount, OtpErrorCode, OtpWarning } from './types.ts';

const KEY = 'JBSWY3DPEHPK3PXP';

function onlyAccount(text: string): OtpAccount {
  const entries = readQrText(text);
  assert.equal(entries.length, 1, `one entry for ${text}`);
  const [entry] = entries;
  assert.equal(entry?.kind, 'otp', `an account for ${text}: ${JSON.stringify(entry)}`);
  if (entry?.kind !== 'otp') throw new Error('unreachable');
  return entry.account;
}

test('the Autotask enrollment code gives issuer, account and the key in uppercase', () => {
  const account = onlyAccount('otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop');
  assert.equal(account.issuer, 'Autotask');
  assert.equal(account.account, 'username@domain.com');
  assert.equal(account.secret, 'ABCDEFGHIJKLMNOP');
  assert.equal(groupKey(account.secret), 'ABCD EFGH IJKL MNOP');
  assert.deepEqual(account.warnings, []);
});

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

describe('otpauth codes that give an account', () => {
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

/** [what is wrong, QR text, error code] */
const ERRORS: Array<[string, string, OtpErrorCode]> = [
  ['no query at all', 'otpauth://totp/ACME:john', 'missing-secret'],
  ['no secret parameter', 'otpauth://totp/ACME:john?issuer=ACME', 'missing-secret'],
  ['an empty secret', 'otpauth://totp/ACME:john?secret=', 'missing-secret'],
  ['a secret of padding only', 'otpauth://totp/ACME:john?secret====', 'missing-secret'],
  ['a secret of spaces only', 'otpauth://totp/ACME:john?secret=%20%20', 'missing-secret'],
  ['a secret with 0, 1, 8 or 9', 'otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PX0', 'invalid-secret'],
  ['a secret with punctuation', 'otpauth://totp/ACME:john?secret=JBSWY3DP.EHPK3PXP', 'invalid-secret'],
  ['a secret with padding in the middle', 'otpauth://totp/ACME:john?secret=JBSW=Y3DP', 'invalid-secret'],
  ['a secret of one character (no whole byte)', 'otpauth://totp/ACME:john?secret=J', 'invalid-secret'],
  [
    'a hex secret',
    'otpauth://totp/ACME:john?secret=3132333435363738393031323334353637383930',
    'invalid-secret',
  ],
  ['an unknown type', `otpauth://motp/ACME:john?secret=${KEY}`, 'unsupported-type'],
  ['an empty type', `otpauth:///ACME:john?secret=${KEY}`, 'invalid-uri'],
  ['no type and no label', `otpauth://?secret=${KEY}`, 'invalid-uri'],
  ['otpauth: without //', `otpauth:totp/ACME:john?secret=${KEY}`, 'invalid-uri'],
  ['digits 5', `otpauth://totp/ACME:john?secret=${KEY}&digits=5`, 'invalid-digits'],
  ['digits 11', `otpauth://totp/ACME:john?secret=${KEY}&digits=11`, 'invalid-digits'],
  ['digits 0', `otpauth://totp/ACME:john?secret=${KEY}&digits=0`, 'invalid-digits'],
  ['digits -6', `otpauth://totp/ACME:john?secret=${KEY}&digits=-6`, 'invalid-digits'],
  ['digits 6.5', `otpauth://totp/ACME:john?secret=${KEY}&digits=6.5`, 'invalid-digits'],
  ['digits in words', `otpauth://totp/ACME:john?secret=${KEY}&digits=six`, 'invalid-digits'],
  [
    'digits absurdly long',
    `otpauth://totp/ACME:john?secret=${KEY}&digits=${'9'.repeat(400)}`,
    'invalid-digits',
  ],
  ['period 0', `otpauth://totp/ACME:john?secret=${KEY}&period=0`, 'invalid-period'],
  ['period 301', `otpauth://totp/ACME:john?secret=${KEY}&period=301`, 'invalid-period'],
  ['period -30', `otpauth://totp/ACME:john?secret=${KEY}&period=-30`, 'invalid-period'],
  ['period 30.5', `otpauth://totp/ACME:john?secret=${KEY}&period=30.5`, 'invalid-period'],
  ['period 1e2', `otpauth://totp/ACME:john?secret=${KEY}&period=1e2`, 'invalid-period'],
  ['HOTP without counter', `otpauth://hotp/ACME:john?secret=${KEY}`, 'missing-counter'],
  ['HOTP with an empty counter', `otpauth://hotp/ACME:john?secret=${KEY}&counter=`, 'missing-counter'],
  ['HOTP counter -1', `otpauth://hotp/ACME:john?secret=${KEY}&counter=-1`, 'invalid-counter'],
  ['HOTP counter 2^53', `otpauth://hotp/ACME:john?secret=${KEY}&counter=9007199254740992`, 'invalid-counter'],
  ['HOTP counter 1.5', `otpauth://hotp/ACME:john?secret=${KEY}&counter=1.5`, 'invalid-counter'],
  ['HOTP counter in hex', `otpauth://hotp/ACME:john?secret=${KEY}&counter=0x10`, 'invalid-counter'],
  [
    'an algorithm that is no hash',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=FOO`,
    'invalid-algorithm',
  ],
  ['SHA2 without a size', `otpauth://totp/ACME:john?secret=${KEY}&algorithm=SHA2`, 'invalid-algorithm'],
  ['Steam with a bad key', 'otpauth://steam/Steam:gabe?secret=not-a-key!', 'invalid-secret'],
];

describe('otpauth codes that cannot be used become text with the reason', () => {
  for (const [what, text, error] of ERRORS) {
    test(what, () => {
      assert.deepEqual(readQrText(text), [{ kind: 'text', text, notice: { code: 'invalid-otp', error } }]);
    });
  }
});

/** [what it is, QR text, notice code or undefined] */
const TEXTS: Array<[string, string, 'microsoft-enrollment' | 'duo-activation' | undefined]> = [
  ['a web address', 'https://example.com/?a=<b>', undefined],
  ['an empty text', '', undefined],
  ['plain words', 'Hello, world', undefined],
  ['an otpauth look-alike scheme', `otpauthx://totp/a?secret=${KEY}`, undefined],
  ["Steam's browser protocol", 'steam://run/440', undefined],
  ['a steam:// link too short to be a key', 'steam://ABCDEFGH', undefined],
  [
    'a Microsoft work-account enrollment',
    'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU',
    'microsoft-enrollment',
  ],
  [
    'a Microsoft sign-in link',
    'https://login.microsoftonline.com/common/oauth2/authorize?x=1',
    'microsoft-enrollment',
  ],
  [
    'the Microsoft communicator link',
    'https://mobileappcommunicator.auth.microsoft.com/activate/123/WEU',
    'microsoft-enrollment',
  ],
  ['a host that only contains the name', 'https://microsoftonline.com.evil.example/x', undefined],
  ['a Duo activation code', 'GTcDv8xJ7wpGAJqIqNVb-YXBpLWU0Yzk4NjNlLmR1b3NlY3VyaXR5LmNvbQ', 'duo-activation'],
  [
    'a Duo activation code with duo://',
    'duo://GTcDv8xJ7wpGAJqIqNVb-YXBpLWU0Yzk4NjNlLmR1b3NlY3VyaXR5LmNvbQ',
    'duo-activation',
  ],
  [
    'a Duo activation link',
    'https://m-1b9bef70.duosecurity.com/activate/XXXXXXXXXXXXXXXXXX',
    'duo-activation',
  ],
  ['a Duo web page that is no activation', 'https://duosecurity.com/pricing', undefined],
  ['a code-hyphen-base64 text that names another host', 'GTcDv8xJ7wpGAJqIqNVb-ZXhhbXBsZS5jb20', undefined],
];

describe('other texts stay text, with a sentence for enrollment codes that hold no key', () => {
  for (const [what, text, notice] of TEXTS) {
    test(what, () => {
      assert.deepEqual(readQrText(text), [
        notice ? { kind: 'text', text, notice: { code: notice } } : { kind: 'text', text },
      ]);
    });
  }
});
