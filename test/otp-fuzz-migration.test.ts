/**
 * Fuzz and property tests of the Google Authenticator export decoder (issue 3; issue 7 "Fuzzing in
 * Node"): at least 10,000 random byte strings and 10,000 mutated real exports. No exception escapes,
 * every result is well-formed and bounded by its input, and the heap does not grow with the inputs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeMigrationPayload } from '../src/core/otp/migration-payload.ts';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import { entryProblems } from '../src/core/otp/test-helpers/entry-invariants.ts';
import {
  type ExportAccount,
  encodeExport,
  exportUri,
  lengthDelimited,
  varintField,
} from '../src/core/otp/test-helpers/migration-encoder.ts';
import { HANG_GUARD, heapAfterGc, RUNS } from './helpers/fuzz.ts';

const fromBase64 = (base64: string): Uint8Array => Uint8Array.from(Buffer.from(base64, 'base64'));
const HELLO = fromBase64('SGVsbG8h3q2+7w==');
const KEY20 = Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 11) % 256);

/** Real-shaped exports: the dim13 vector, and exports as Google Authenticator writes them. */
const REAL_PAYLOADS: Uint8Array[] = [
  fromBase64('CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC'),
  encodeExport({
    accounts: [
      { secret: KEY20, name: 'GitHub:octocat', issuer: 'GitHub' },
      {
        secret: KEY20,
        name: 'jane@example.com',
        issuer: 'Big Corp',
        algorithm: 2,
        digits: 2,
        type: 1,
        counter: 42n,
      },
      { secret: HELLO, name: 'Äpfel:jörg', issuer: 'Äpfel', algorithm: 3 },
    ],
    batchSize: 2,
    batchIndex: 1,
    batchId: -1_734_567_890,
  }),
  encodeExport({
    accounts: [{ secret: Uint8Array.from({ length: 64 }, (_, i) => i), name: `${'Long '.repeat(30)}:x` }],
  }),
  Uint8Array.from([
    ...lengthDelimited(1, [...lengthDelimited(1, HELLO), ...lengthDelimited(8, [0x75, 0x69, 0x64])]),
    ...varintField(2, 1),
    ...lengthDelimited(42, [1, 2, 3]),
  ]),
];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: readonly number[] }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'cut'; at: number }
  | { kind: 'repeat'; at: number; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    byte: fc.constantFrom(0x00, 0x7f, 0x80, 0xff, 0x0a, 0x12),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }),
      fc.constant<readonly number[]>(Array(10).fill(0xff)),
      fc.constant<readonly number[]>([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = [...bytes];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'flip') out[at] = (out[at] ?? 0) ^ (1 << m.bit);
    else if (m.kind === 'set') out[at] = m.byte;
    else if (m.kind === 'insert') out = [...out.slice(0, at), ...m.bytes, ...out.slice(at)];
    else if (m.kind === 'delete') out.splice(at, m.count);
    else if (m.kind === 'cut') out = out.slice(0, at);
    else out = [...out.slice(0, at), ...out.slice(at, at + m.count), ...out.slice(at)];
  }
  return Uint8Array.from(out);
}

const mutatedPayload = fc
  .tuple(fc.constantFrom(...REAL_PAYLOADS), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([payload, mutations]) => mutate(payload, mutations));

/** The decoder's promise for any bytes: a typed result, accounts no larger than the input. */
function checkDecode(bytes: Uint8Array): 'ok' | 'invalid' {
  const result = decodeMigrationPayload(bytes);
  if (!result.ok) {
    assert.equal(result.error, 'invalid-migration');
    return 'invalid';
  }
  assert.ok(result.value.accounts.length <= bytes.length);
  for (const account of result.value.accounts) {
    assert.ok(account.secret.length <= bytes.length);
    assert.equal(typeof account.name, 'string');
    assert.equal(typeof account.counter, 'bigint');
  }
  return 'ok';
}

function checkText(bytes: Uint8Array, encoding: 'percent' | 'plus-as-space' | 'raw'): void {
  const uri = exportUri(bytes, encoding);
  assert.deepEqual(entryProblems(readQrText(uri), uri), []);
}

describe('fuzz: migration decoder', () => {
  test(`fuzz: ${RUNS} random byte strings never throw`, HANG_GUARD, () => {
    const outcomes = { ok: 0, invalid: 0 };
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('percent', 'plus-as-space', 'raw') as fc.Arbitrary<'percent'>,
        (bytes, encoding) => {
          outcomes[checkDecode(bytes)]++;
          checkText(bytes, encoding);
        },
      ),
      { numRuns: RUNS },
    );
    assert.ok(outcomes.invalid > 0 && outcomes.ok > 0, JSON.stringify(outcomes));
  });

  test(`fuzz: ${RUNS} mutated real exports never throw`, HANG_GUARD, () => {
    const outcomes = { ok: 0, invalid: 0 };
    fc.assert(
      fc.property(mutatedPayload, (bytes) => {
        outcomes[checkDecode(bytes)]++;
        checkText(bytes, 'percent');
      }),
      { numRuns: RUNS },
    );
    // Mutations keep a good share decodable, so the account checks run too.
    assert.ok(outcomes.ok >= RUNS / 20 && outcomes.invalid >= RUNS / 10, JSON.stringify(outcomes));
  });

  test(`fuzz: ${RUNS} random texts in the data parameter never throw`, HANG_GUARD, () => {
    const data = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.stringMatching(/^[A-Za-z0-9+/= %_-]{0,300}$/),
    );
    fc.assert(
      fc.property(data, (value) => {
        const uri = `otpauth-migration://offline?data=${value}`;
        assert.deepEqual(entryProblems(readQrText(uri), uri), []);
      }),
      { numRuns: RUNS },
    );
  });

  test('property: 2,000 generated exports decode to exactly what was encoded', HANG_GUARD, () => {
    const account: fc.Arbitrary<ExportAccount> = fc.record({
      secret: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      name: fc.string({ unit: 'grapheme', maxLength: 40 }),
      issuer: fc.string({ unit: 'grapheme', maxLength: 20 }),
      algorithm: fc.integer({ min: 0, max: 4 }),
      digits: fc.integer({ min: 0, max: 3 }),
      type: fc.integer({ min: 0, max: 2 }),
      counter: fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
    });
    const payload = fc.record({
      accounts: fc.array(account, { maxLength: 6 }),
      version: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      batchSize: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      batchIndex: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      batchId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(payload, (written) => {
        const read = decodeMigrationPayload(encodeExport(written));
        assert.ok(read.ok);
        assert.deepEqual(read.value, {
          ...written,
          accounts: written.accounts.map((a) => ({ ...a, secret: Uint8Array.from(a.secret) })),
        });
      }),
      { numRuns: 2000 },
    );
  });

  test('fuzz: an export far beyond a QR code’s capacity (1 MB of data) ends in a result', HANG_GUARD, () => {
    const many = encodeExport({
      accounts: Array.from({ length: 20_000 }, () => ({ secret: KEY20, name: 'a:b' })),
    });
    const garbage = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256);
    for (const bytes of [many, garbage]) checkText(bytes, 'percent');
    assert.equal(readQrText(exportUri(many)).length, 20_000);
  });

  test('memory: the heap does not grow with 10,000 more decoded exports', HANG_GUARD, () => {
    const samples = fc.sample(fc.oneof(mutatedPayload, fc.uint8Array({ maxLength: 600 })), {
      numRuns: RUNS,
      seed: 7,
    });
    const uris = samples.map((bytes) => exportUri(bytes));
    for (const uri of uris.slice(0, 500)) readQrText(uri);
    const before = heapAfterGc();
    let entries = 0;
    for (const uri of uris) entries += readQrText(uri).length;
    const growth = heapAfterGc() - before;
    assert.ok(entries >= RUNS);
    assert.ok(growth < 8 * 1024 * 1024, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`);
  });
});
