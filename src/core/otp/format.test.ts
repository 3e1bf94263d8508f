import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { currentCode, groupKey, toOtpauthUri } from './format.ts';
import { readQrText } from './read-qr-text.ts';
import { bytesToBase32 } from './secret.ts';
import type { OtpAccount } from './types.ts';

const ascii = (text: string): string => bytesToBase32(new TextEncoder().encode(text));

function account(fields: Partial<OtpAccount>): OtpAccount {
  return {
    type: 'TOTP',
    issuer: 'ACME',
    account: 'john',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    warnings: [],
    ...fields,
  };
}

describe('RFC 4226 Appendix D (HOTP, SHA1, key "12345678901234567890") through currentCode', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  for (const [counter, code] of expected.entries()) {
    test(`counter ${counter} gives ${code}`, () => {
      const hotp = account({ type: 'HOTP', secret: ascii('12345678901234567890'), counter });
      assert.deepEqual(currentCode(hotp, 1_700_000_000_000), { code });
    });
  }
});

describe('RFC 6238 Appendix B (TOTP, 8 digits, 30 s) through currentCode', () => {
  const keys: Record<string, string> = {
    SHA1: '12345678901234567890',
    SHA256: '12345678901234567890123456789012',
    SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
  };
  const table: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  for (const [time, sha1, sha256, sha512] of table) {
    for (const [algorithm, code] of [
      ['SHA1', sha1],
      ['SHA256', sha256],
      ['SHA512', sha512],
    ] as const) {
      test(`T=${time} ${algorithm} gives ${code}`, () => {
        const totp = account({ secret: ascii(keys[algorithm] ?? ''), algorithm, digits: 8 });
        assert.deepEqual(currentCode(totp, time * 1000), { code, secondsLeft: 30 - (time % 30) });
      });
    }
  }
});

describe('currentCode', () => {
  test('secondsLeft counts down within the period and restarts at its end', () => {
    const totp = account({ period: 60 });
    assert.equal(currentCode(totp, 120_000).secondsLeft, 60);
    assert.equal(currentCode(totp, 120_999).secondsLeft, 60);
    assert.equal(currentCode(totp, 121_000).secondsLeft, 59);
    assert.equal(currentCode(totp, 179_999).secondsLeft, 1);
    assert.equal(currentCode(totp, 179_999).code, currentCode(totp, 120_000).code);
  });

  test('a period other than 30 s uses its own time step (checked against an HMAC computed here)', () => {
    const totp = account({ period: 45, digits: 7 });
    const now = 1_234_567_890_123;
    const step = Math.floor(1_234_567_890 / 45);
    const message = Buffer.alloc(8);
    message.writeBigUInt64BE(BigInt(step));
    const digest = createHmac('sha1', Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1'))
      .update(message)
      .digest();
    const offset = (digest[19] ?? 0) & 15;
    const value = digest.readUInt32BE(offset) & 0x7fffffff;
    assert.deepEqual(currentCode(totp, now), {
      code: String(value % 10_000_000).padStart(7, '0'),
      secondsLeft: 45 - (1_234_567_890 % 45),
    });
  });

  test('Steam codes: 5 characters of Steam’s alphabet, known answers', () => {
    // shared_secret cnOgv/KdpLoP6Nbh0GMkXkPXALQ= (base64), answers as the steam-totp package gives them.
    const steam = account({ type: 'Steam', secret: 'OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU', digits: 5 });
    const answers: Array<[number, string]> = [
      [0, 'W3J46'],
      [1_500_000_000, 'Q9JC4'],
      [1_700_000_000, 'X45RP'],
      [1_893_456_000, 'PJ4MJ'],
    ];
    for (const [time, code] of answers) {
      assert.deepEqual(currentCode(steam, time * 1000), { code, secondsLeft: 30 - (time % 30) });
    }
  });

  test('SHA224, SHA384 and SHA3 codes are made (apps do not, but the code can be checked)', () => {
    for (const algorithm of ['SHA224', 'SHA384', 'SHA3-256', 'SHA3-512']) {
      assert.match(currentCode(account({ algorithm }), 59_000).code, /^\d{6}$/, algorithm);
    }
  });

  test('MD5 gives no code, never an exception', () => {
    assert.deepEqual(currentCode(account({ algorithm: 'MD5' }), 59_000), { code: '', secondsLeft: 1 });
    assert.deepEqual(currentCode(account({ type: 'HOTP', algorithm: 'MD5' }), 59_000), { code: '' });
  });

  test('10-digit codes are padded with zeros', () => {
    const code = currentCode(account({ digits: 10 }), 59_000).code;
    assert.match(code, /^\d{10}$/);
  });
});

describe('groupKey', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['ABC', 'ABC'],
    ['ABCD', 'ABCD'],
    ['ABCDE', 'ABCD E'],
    ['JBSWY3DPEHPK3PXP', 'JBSW Y3DP EHPK 3PXP'],
    ['OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU', 'OJZ2 BP7S TWSL UD7I 23Q5 AYZE LZB5 OAFU'],
  ];
  for (const [key, grouped] of cases) {
    test(`${JSON.stringify(key)} → ${JSON.stringify(grouped)}`, () => assert.equal(groupKey(key), grouped));
  }
});

describe('toOtpauthUri', () => {
  const cases: Array<[string, Partial<OtpAccount>, string]> = [
    ['defaults left out', {}, 'otpauth://totp/ACME:john?issuer=ACME&secret=JBSWY3DPEHPK3PXP'],
    [
      'every setting that differs',
      { algorithm: 'SHA256', digits: 8, period: 60 },
      'otpauth://totp/ACME:john?issuer=ACME&secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=8&period=60',
    ],
    [
      'HOTP always with its counter',
      { type: 'HOTP', counter: 0 },
      'otpauth://hotp/ACME:john?issuer=ACME&secret=JBSWY3DPEHPK3PXP&counter=0',
    ],
    [
      'Steam as totp with encoder=steam',
      { type: 'Steam', issuer: 'Steam', digits: 5 },
      'otpauth://totp/Steam:john?issuer=Steam&secret=JBSWY3DPEHPK3PXP&encoder=steam',
    ],
    [
      'UTF-8, spaces and reserved characters encoded; @ kept',
      { issuer: 'Äpfel & Co', account: 'jörg@example.com?x=1' },
      'otpauth://totp/%C3%84pfel%20%26%20Co:j%C3%B6rg@example.com%3Fx%3D1?issuer=%C3%84pfel%20%26%20Co&secret=JBSWY3DPEHPK3PXP',
    ],
    ['no issuer', { issuer: '' }, 'otpauth://totp/john?secret=JBSWY3DPEHPK3PXP'],
    [
      'no issuer, a colon in the account',
      { issuer: '', account: 'a:b' },
      'otpauth://totp/:a%3Ab?secret=JBSWY3DPEHPK3PXP',
    ],
    ['a colon in the issuer', { issuer: 'A:B' }, 'otpauth://totp/:john?issuer=A%3AB&secret=JBSWY3DPEHPK3PXP'],
  ];
  for (const [what, fields, uri] of cases) {
    test(what, () => {
      const original = account(fields);
      assert.equal(toOtpauthUri(original), uri);
      const [entry] = readQrText(uri);
      assert.equal(entry?.kind, 'otp');
      if (entry?.kind !== 'otp') return;
      const { warnings: _, ...parsed } = entry.account;
      const { warnings: __, ...expected } = original;
      assert.deepEqual(parsed, expected);
    });
  }
});
