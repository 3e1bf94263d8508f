/**
 * Fuzz and property tests of the otpauth parser (issue 3; issue 7 "Fuzzing in Node"): at least 10,000
 * generated inputs per property, random and mutated real URIs. No exception escapes, every result is
 * well-formed, format → parse gives the same account, and the heap does not grow with the inputs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SUPPORTED_ALGORITHMS, UNSUPPORTED_ALGORITHMS } from '../src/core/otp/algorithm.ts';
import { toOtpauthUri } from '../src/core/otp/format.ts';
import { parseOtpauthUri } from '../src/core/otp/parse-otpauth.ts';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import { entryProblems } from '../src/core/otp/test-helpers/entry-invariants.ts';
import { OTP_ERROR_CODES, type OtpAccount } from '../src/core/otp/types.ts';
import { HANG_GUARD, heapAfterGc, RUNS } from './helpers/fuzz.ts';

const REAL_URIS = [
  'otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop',
  'otpauth://totp/Example:alice@google.com?issuer=Example&secret=JBSWY3DPEHPK3PXP',
  'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA1&digits=6&period=30',
  'otpauth://hotp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&counter=7',
  'otpauth://totp/%C3%84pfel%3Aj%C3%B6rg?secret=JBSW%20Y3DP%20EHPK%203PXP&image=https%3A%2F%2Fex.com%2Fa.png%3Fs%3D2',
  'otpauth://totp/Steam:gabe?secret=OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU&issuer=Steam&encoder=steam',
  'otpauth://totp/Big:me?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=8&period=60&issuer=Big',
  'steam://OJZ2BP7STWSLUD7I23Q5AYZELZB5OAFU',
];

// ---- generators ----------------------------------------------------------------------------------

const fragment = fc.constantFrom(
  ...'abcXYZ0189:%/?&=#+ -_.~@'.split(''),
  '%3A',
  '%3a',
  '%20',
  '%25',
  '%C3%84',
  '%E0%A4%A',
  '%FF',
  '%',
  'ä',
  '👍',
  '\uD800',
  '\n',
);
const messy = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
const base32ish = fc.stringMatching(/^[A-Za-z2-7 =-]{0,40}$/);
const goodKey = fc
  .tuple(fc.stringMatching(/^[A-Z2-7]{16,40}$/), fc.constantFrom('', '=', '===='), fc.boolean())
  .map(([key, padding, lower]) => (lower ? key.toLowerCase() : key) + padding);
const numberish = fc.oneof(
  fc.integer({ min: -5, max: 400 }).map(String),
  fc.bigInt({ min: 0n, max: 1n << 60n }).map(String),
  fc.constantFrom('', '6.5', '1e2', '+8', ' 8 ', '9'.repeat(30), '0x10', '-0'),
);
const algorithmish = fc.constantFrom(
  'SHA1',
  'sha256',
  'SHA-512',
  'SHA224',
  'SHA3-256',
  'MD5',
  'FOO',
  '',
  'HmacSHA1',
);
const often = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
const parameter = fc.oneof(
  fc.tuple(fc.constantFrom('issuer', 'ISSUER'), messy),
  fc.tuple(fc.constantFrom('algorithm', 'Algorithm'), algorithmish),
  fc.tuple(
    fc.constantFrom('digits', 'DIGITS'),
    often(fc.integer({ min: 6, max: 10 }).map(String), numberish),
  ),
  fc.tuple(fc.constant('period'), often(fc.integer({ min: 1, max: 300 }).map(String), numberish)),
  fc.tuple(fc.constant('counter'), often(fc.nat().map(String), numberish)),
  fc.tuple(fc.constantFrom('encoder'), fc.constantFrom('steam', 'STEAM', 'x', '')),
  fc.tuple(fc.constantFrom('image', 'color', 'lock', 'icon', '', '%73ecret', 'x', 'secret'), messy),
);
const secretParameter = fc.oneof(
  { arbitrary: goodKey.map((key) => `secret=${key}`), weight: 8 },
  { arbitrary: base32ish.map((key) => `Secret=${key}`), weight: 2 },
  { arbitrary: messy.map((key) => `SECRET=${key}`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);
const query = fc
  .tuple(secretParameter, fc.array(parameter, { maxLength: 6 }), fc.boolean())
  .map(([secret, pairs, secretLast]) => {
    const rest = pairs.map(([name, value]) => `${name}=${value}`);
    return (secretLast ? [...rest, secret] : [secret, ...rest]).filter((p) => p !== '').join('&');
  });
const weighted = <T>(...choices: Array<[T, number]>): fc.Arbitrary<T> =>
  fc.oneof(...choices.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
/** otpauth URIs built from real pieces and damaged ones, in every combination (mostly usable). */
const generatedUri = fc
  .record({
    space: weighted(['', 6], [' ', 1], ['\n', 1], ['\t ', 1]),
    scheme: weighted(
      ['otpauth://', 10],
      ['OTPAUTH://', 2],
      ['otpauth:/', 1],
      ['otpauth:', 1],
      ['Otpauth://', 1],
    ),
    type: weighted(['totp', 6], ['hotp', 4], ['steam', 2], ['TOTP', 1], ['Hotp', 1], ['xotp', 1], ['', 1]),
    label: fc.option(messy, { nil: undefined, freq: 8 }),
    query: fc.option(query, { nil: undefined, freq: 12 }),
  })
  .map(
    (u) =>
      `${u.space}${u.scheme}${u.type}${u.label === undefined ? '' : `/${u.label}`}${u.query === undefined ? '' : `?${u.query}`}${u.space}`,
  );

/** A real URI with characters deleted, inserted, replaced or the URI cut short. */
const mutatedUri = fc
  .record({
    uri: fc.constantFrom(...REAL_URIS),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('delete', 'insert', 'replace', 'cut'),
        at: fc.nat(),
        char: fc.oneof(fragment, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ uri, edits }) =>
    edits.reduce((text, { kind, at, char }) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (kind === 'insert') return text.slice(0, i) + char + text.slice(i);
      if (kind === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
      return text.slice(0, i);
    }, uri),
  );

const trimmedText = fc.string({ unit: 'grapheme', maxLength: 24 }).map((text) => text.trim());
const accountArbitrary: fc.Arbitrary<OtpAccount> = fc
  .record({
    type: fc.constantFrom<OtpAccount['type']>('TOTP', 'HOTP', 'Steam'),
    issuer: fc.oneof(trimmedText, fc.constantFrom('', 'A:B', 'ACME', 'Äpfel & Co', '100%')),
    account: fc.oneof(trimmedText, fc.constantFrom('', 'a:b', 'john@example.com', ':x', 'a?b=c&d')),
    secret: fc.stringMatching(/^[A-Z2-7]{2,64}$/),
    algorithm: fc.constantFrom(...SUPPORTED_ALGORITHMS, ...UNSUPPORTED_ALGORITHMS),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.integer({ min: 1, max: 300 }),
    counter: fc.oneof(
      fc.nat(),
      fc.constant(Number.MAX_SAFE_INTEGER),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    ),
  })
  .map((a) => ({
    type: a.type,
    issuer: a.type === 'Steam' && a.issuer === '' ? 'Steam' : a.issuer,
    account: a.account,
    secret: a.secret,
    algorithm: a.type === 'Steam' ? 'SHA1' : a.algorithm,
    digits: a.type === 'Steam' ? 5 : a.digits,
    period: a.type === 'TOTP' ? a.period : 30,
    counter: a.type === 'HOTP' ? a.counter : 0,
    warnings: [],
  }));

const withoutWarnings = ({ warnings: _, ...fields }: OtpAccount): Omit<OtpAccount, 'warnings'> => fields;

function parsedAccount(text: string): OtpAccount | undefined {
  const [entry, ...rest] = readQrText(text);
  assert.equal(rest.length, 0);
  return entry?.kind === 'otp' ? entry.account : undefined;
}

// ---- properties ----------------------------------------------------------------------------------

describe('fuzz: otpauth parser', () => {
  test(`fuzz: ${RUNS} generated otpauth URIs never throw and give well-formed entries`, HANG_GUARD, () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(generatedUri, (uri) => {
        assert.deepEqual(entryProblems(readQrText(uri), uri), []);
        const result = parseOtpauthUri(uri.trim());
        const outcome = result.ok ? `account ${result.value.type}` : result.error;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    // The generator reaches accounts of every type and every way an otpauth URI can fail.
    for (const outcome of ['account TOTP', 'account HOTP', 'account Steam']) {
      assert.ok((outcomes.get(outcome) ?? 0) >= 100, `${outcome}: ${JSON.stringify([...outcomes])}`);
    }
    const errors = OTP_ERROR_CODES.filter((code) => !code.includes('migration'));
    for (const error of errors) assert.ok(outcomes.has(error), `${error} never generated`);
  });

  test(`fuzz: ${RUNS} mutated real otpauth URIs never throw and give well-formed entries`, HANG_GUARD, () => {
    fc.assert(
      fc.property(mutatedUri, (uri) => {
        assert.deepEqual(entryProblems(readQrText(uri), uri), []);
      }),
      { numRuns: RUNS },
    );
  });

  test(`fuzz: ${RUNS} random strings after otpauth:// never throw`, HANG_GUARD, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (tail) => {
        const uri = `otpauth://${tail}`;
        assert.deepEqual(entryProblems(readQrText(uri), uri), []);
        assert.equal(typeof parseOtpauthUri(uri).ok, 'boolean');
      }),
      { numRuns: RUNS },
    );
  });

  test(
    `property: ${RUNS} generated accounts, toOtpauthUri → readQrText gives back the same account`,
    HANG_GUARD,
    () => {
      fc.assert(
        fc.property(accountArbitrary, (account) => {
          const uri = toOtpauthUri(account);
          const parsed = parsedAccount(uri);
          assert.ok(parsed, uri);
          assert.deepEqual(withoutWarnings(parsed), withoutWarnings(account), uri);
          assert.ok(!parsed.warnings.some((w) => w.code === 'issuer-mismatch'), uri);
          assert.equal(toOtpauthUri(parsed), uri, 'formatting is stable');
        }),
        { numRuns: RUNS },
      );
    },
  );

  test(
    `property: ${RUNS} parsed URIs, parse → format → parse gives the same account (issuer now agreed)`,
    HANG_GUARD,
    () => {
      fc.assert(
        fc.property(fc.oneof(generatedUri, mutatedUri), (uri) => {
          const first = parsedAccount(uri);
          if (!first) return;
          const again = parsedAccount(toOtpauthUri(first));
          assert.ok(again, toOtpauthUri(first));
          assert.deepEqual(again, {
            ...first,
            warnings: first.warnings.filter((w) => w.code !== 'issuer-mismatch'),
          });
        }),
        { numRuns: RUNS },
      );
    },
  );

  test('fuzz: inputs far beyond a QR code’s capacity (1 MB) end in a result', HANG_GUARD, () => {
    const huge = [
      `otpauth://totp/${'a%'.repeat(500_000)}?secret=${'A'.repeat(1000)}`,
      `otpauth://totp/x?secret=${'%FF'.repeat(300_000)}`,
      `otpauth://totp/x?${'a=b&'.repeat(250_000)}secret=JBSWY3DPEHPK3PXP`,
      `otpauth://totp/${'\uD800'.repeat(500_000)}?secret=JBSWY3DPEHPK3PXP`,
      `steam://${'A'.repeat(1_000_000)}`,
      `${'GTcDv8xJ7wpGAJqIqNVb'.repeat(50_000)}-YXBpLWU0Yzk4NjNlLmR1b3NlY3VyaXR5LmNvbQ`,
    ];
    for (const text of huge) assert.deepEqual(entryProblems(readQrText(text), text), []);
  });

  test('memory: the heap does not grow with 10,000 more parsed URIs', HANG_GUARD, () => {
    const samples = fc.sample(fc.oneof(generatedUri, mutatedUri), { numRuns: RUNS, seed: 42 });
    for (const uri of samples.slice(0, 500)) readQrText(uri);
    const before = heapAfterGc();
    let entries = 0;
    for (const uri of samples) entries += readQrText(uri).length;
    const growth = heapAfterGc() - before;
    assert.equal(entries >= RUNS, true);
    assert.ok(growth < 8 * 1024 * 1024, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`);
  });
});
