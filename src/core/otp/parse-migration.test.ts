import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toOtpauthUri } from './format.ts';
import { decodeMigrationPayload } from './migration-payload.ts';
import { readQrText } from './read-qr-text.ts';
import {
  type ExportAccount,
  encodeAccount,
  encodeExport,
  exportUri,
  lengthDelimited,
  tag,
  varintField,
} from './test-helpers/migration-encoder.ts';
import type { Entry, OtpAccount, OtpErrorCode } from './types.ts';

const DIM13 =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';
/** The export's data parameter rewritten in base64url without padding. */
const base64url = (uri: string): string =>
  uri.replace(
    /data=(.*)$/,
    (_, data: string) => `data=${data.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
  );
const HELLO = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);

function accounts(entries: Entry[]): OtpAccount[] {
  return entries.map((entry) => {
    assert.equal(entry.kind, 'otp', JSON.stringify(entry));
    if (entry.kind !== 'otp') throw new Error('unreachable');
    return entry.account;
  });
}

describe('Google Authenticator exports', () => {
  test('the dim13/otpauth vector gives its otpauth URI', () => {
    const [account, ...rest] = accounts(readQrText(DIM13));
    assert.equal(rest.length, 0);
    assert.ok(account);
    assert.equal(
      toOtpauthUri(account),
      'otpauth://totp/Example:alice@google.com?issuer=Example&secret=JBSWY3DPEHPK3PXP',
    );
    const [direct] = accounts(
      readQrText('otpauth://totp/Example:alice@google.com?issuer=Example&secret=JBSWY3DPEHPK3PXP'),
    );
    assert.deepEqual(account, { ...direct, batch: { id: 0, index: 1, size: 1 } });
  });

  test('every account, its settings, and the place of this QR code in the export', () => {
    const bytes = encodeExport({
      accounts: [
        { secret: HELLO, name: 'ACME:john', issuer: 'ACME' },
        {
          secret: HELLO,
          name: 'jane@example.com',
          issuer: 'Big Corp',
          algorithm: 2,
          digits: 2,
          type: 1,
          counter: 42n,
        },
        { secret: HELLO, name: 'Old:bob', issuer: 'New', algorithm: 3 },
        { secret: HELLO, name: 'Gitlab:x', algorithm: 4, digits: 3 },
        { secret: HELLO, name: 'plain', algorithm: 0, digits: 0, type: 0 },
      ],
      batchSize: 3,
      batchIndex: 1,
      batchId: -1_999_999_999,
    });
    const list = accounts(readQrText(exportUri(bytes)));
    const summary = list.map((a) => [
      a.type,
      a.issuer,
      a.account,
      a.algorithm,
      a.digits,
      a.counter,
      a.secret,
    ]);
    assert.deepEqual(summary, [
      ['TOTP', 'ACME', 'john', 'SHA1', 6, 0, 'JBSWY3DPEHPK3PXP'],
      ['HOTP', 'Big Corp', 'jane@example.com', 'SHA256', 8, 42, 'JBSWY3DPEHPK3PXP'],
      ['TOTP', 'New', 'bob', 'SHA512', 6, 0, 'JBSWY3DPEHPK3PXP'],
      ['TOTP', 'Gitlab', 'x', 'MD5', 7, 0, 'JBSWY3DPEHPK3PXP'],
      ['TOTP', '', 'plain', 'SHA1', 6, 0, 'JBSWY3DPEHPK3PXP'],
    ]);
    for (const account of list) assert.deepEqual(account.batch, { id: -1_999_999_999, index: 2, size: 3 });
    assert.deepEqual(
      list.map((a) => a.warnings.map((w) => w.code)),
      [
        [],
        ['hotp', 'algorithm', 'digits'],
        ['algorithm', 'issuer-mismatch'],
        ['unsupported-algorithm', 'digits'],
        ['no-issuer'],
      ],
    );
    assert.deepEqual(list[2]?.warnings[1], { code: 'issuer-mismatch', params: ['New', 'Old'] });
  });

  test('a negative batch_id (a 10-byte varint) and 64-bit counters are read', () => {
    const bytes = encodeExport({
      accounts: [{ secret: HELLO, name: 'a', issuer: 'b', type: 1, counter: 9_007_199_254_740_991n }],
      batchId: -1,
    });
    assert.ok(bytes.length > 10);
    const payload = decodeMigrationPayload(bytes);
    assert.ok(payload.ok);
    assert.equal(payload.value.batchId, -1);
    assert.equal(accounts(readQrText(exportUri(bytes)))[0]?.counter, 9_007_199_254_740_991);
  });

  test('entries longer than 127 bytes (two-byte lengths) and long keys', () => {
    const secret = Uint8Array.from({ length: 64 }, (_, i) => i);
    const name = `${'Long issuer name '.repeat(6)}:${'someone'.repeat(20)}@example.com`;
    const bytes = encodeExport({
      accounts: [
        { secret, name },
        { secret, name: 'short' },
      ],
    });
    assert.ok(encodeAccount({ secret, name }).length > 127);
    const [first, second] = accounts(readQrText(exportUri(bytes)));
    assert.equal(
      first?.issuer,
      'Long issuer name Long issuer name Long issuer name Long issuer name Long issuer name Long issuer name',
    );
    assert.equal(first?.account, `${'someone'.repeat(20)}@example.com`);
    assert.equal(first?.secret.length, Math.ceil((64 * 8) / 5));
    assert.equal(second?.account, 'short');
  });

  test('UTF-8 names', () => {
    const [account] = accounts(
      readQrText(exportUri(encodeExport({ accounts: [{ secret: HELLO, name: 'Äpfel:jörg 👍' }] }))),
    );
    assert.equal(account?.issuer, 'Äpfel');
    assert.equal(account?.account, 'jörg 👍');
  });

  const bytes = encodeExport({ accounts: [{ secret: HELLO, name: 'ACME:john', issuer: 'ACME' }] });
  const spellings: Array<[string, string]> = [
    ['percent-encoded as Google Authenticator writes it', exportUri(bytes, 'percent')],
    ['with + turned into spaces', exportUri(bytes, 'plus-as-space')],
    ['unescaped', exportUri(bytes, 'raw')],
    ['in base64url without padding', base64url(exportUri(bytes, 'raw'))],
    ['with lowercase escapes', exportUri(bytes, 'percent').replace(/%2B/g, '%2b').replace(/%2F/g, '%2f')],
    [
      'with an uppercase scheme and whitespace around',
      `  ${exportUri(bytes).replace('otpauth-migration', 'OTPAUTH-MIGRATION')}\n`,
    ],
    ['with another parameter first', exportUri(bytes).replace('?data=', '?v=1&data=')],
  ];
  for (const [what, uri] of spellings) {
    test(`the data parameter ${what}`, () => {
      // Chosen so that the base64 holds + and /.
      assert.match(exportUri(bytes, 'raw'), /[+/]/);
      const [account] = accounts(readQrText(uri));
      assert.equal(account?.secret, 'JBSWY3DPEHPK3PXP');
      assert.equal(account?.issuer, 'ACME');
    });
  }

  test('unknown fields are skipped (unique_id, future fields of every wire type)', () => {
    const account = [
      ...encodeAccount({ secret: HELLO, name: 'ACME:john' }),
      ...lengthDelimited(8, new TextEncoder().encode('unique-id')),
      ...varintField(9, 5),
      ...tag(10, 1),
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      ...tag(11, 5),
      1,
      2,
      3,
      4,
    ];
    const payload = Uint8Array.from([
      ...lengthDelimited(1, account),
      ...varintField(2, 1),
      ...lengthDelimited(99, [1, 2]),
    ]);
    assert.equal(accounts(readQrText(exportUri(payload)))[0]?.account, 'john');
  });
});

describe('accounts inside an export that cannot be used become text naming them, never their key', () => {
  const cases: Array<[string, ExportAccount, OtpErrorCode, string]> = [
    ['an empty key', { secret: new Uint8Array(0), name: 'ACME:john' }, 'missing-secret', 'ACME:john'],
    [
      'an unknown algorithm',
      { secret: HELLO, name: 'john', issuer: 'ACME', algorithm: 9 },
      'invalid-algorithm',
      'ACME:john',
    ],
    ['an unknown digit count', { secret: HELLO, name: 'john', digits: 7 }, 'invalid-digits', 'john'],
    ['an unknown type', { secret: HELLO, name: 'john', type: 5 }, 'unsupported-type', 'john'],
    [
      'a negative HOTP counter',
      { secret: HELLO, name: 'john', type: 1, counter: -1n },
      'invalid-counter',
      'john',
    ],
    [
      'an HOTP counter over 2^53-1',
      { secret: HELLO, name: 'john', type: 1, counter: 1n << 53n },
      'invalid-counter',
      'john',
    ],
  ];
  for (const [what, bad, error, text] of cases) {
    test(what, () => {
      const uri = exportUri(
        encodeExport({ accounts: [{ secret: HELLO, name: 'ok' }, bad], batchSize: 2, batchIndex: 1 }),
      );
      const [good, entry] = readQrText(uri);
      assert.equal(good?.kind, 'otp');
      assert.deepEqual(entry, {
        kind: 'text',
        text,
        notice: { code: 'invalid-otp', error },
        batch: { id: -1_234_567_890, index: 2, size: 2 },
      });
    });
  }
});

describe('exports that cannot be read at all', () => {
  const good = encodeExport({ accounts: [{ secret: HELLO, name: 'ACME:john' }] });
  const cases: Array<[string, string, OtpErrorCode]> = [
    ['no query', 'otpauth-migration://offline', 'invalid-migration'],
    ['no data parameter', 'otpauth-migration://offline?x=1', 'invalid-migration'],
    ['an empty data parameter', 'otpauth-migration://offline?data=', 'invalid-migration'],
    ['data that is not base64', 'otpauth-migration://offline?data=%21%21%21%21', 'invalid-migration'],
    ['base64 of impossible length', 'otpauth-migration://offline?data=QUJDRA1', 'invalid-migration'],
    ['a payload cut short', exportUri(good.slice(0, good.length - 20)), 'invalid-migration'],
    ['a payload cut inside a varint', exportUri(Uint8Array.from([0x10, 0x80])), 'invalid-migration'],
    [
      'text instead of a payload',
      exportUri(new TextEncoder().encode('hello, this is not protobuf')),
      'invalid-migration',
    ],
    [
      'an account field with the wrong wire type',
      exportUri(Uint8Array.from([0x08, 0x01])),
      'invalid-migration',
    ],
    ['a payload with no account', exportUri(Uint8Array.from(varintField(2, 1))), 'empty-migration'],
  ];
  for (const [what, uri, error] of cases) {
    test(what, () => {
      assert.deepEqual(readQrText(uri), [
        { kind: 'text', text: uri, notice: { code: 'invalid-otp', error } },
      ]);
    });
  }
});
