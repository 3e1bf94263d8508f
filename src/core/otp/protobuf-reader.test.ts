import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ProtobufError, ProtobufReader } from './protobuf-reader.ts';
import { lengthDelimited, tag, varint } from './test-helpers/migration-encoder.ts';

const reader = (bytes: number[]): ProtobufReader => new ProtobufReader(Uint8Array.from(bytes));
const MAX64 = (1n << 64n) - 1n;

describe('varints', () => {
  const cases: Array<[string, number[], bigint]> = [
    ['0', [0x00], 0n],
    ['1', [0x01], 1n],
    ['127, the largest one-byte value', [0x7f], 127n],
    ['128, the smallest two-byte value', [0x80, 0x01], 128n],
    ['300 (the protobuf docs example)', [0xac, 0x02], 300n],
    ['2^32', [0x80, 0x80, 0x80, 0x80, 0x10], 1n << 32n],
    ['2^53-1', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f], (1n << 53n) - 1n],
    ['2^63', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 1n << 63n],
    ['2^64-1', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], MAX64],
    ['a non-minimal encoding of 1', [0x81, 0x80, 0x00], 1n],
    [
      'bits beyond 64 in the 10th byte are dropped',
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
      MAX64,
    ],
  ];
  for (const [what, bytes, value] of cases) {
    test(what, () => {
      const r = reader(bytes);
      assert.equal(r.varint(), value);
      assert.ok(r.done, 'every byte consumed');
    });
  }

  test('int32/int64 read two’s complement: -1 and a negative batch_id as Google Authenticator writes it', () => {
    assert.equal(reader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]).signedVarint(), -1n);
    assert.equal(reader(varint(-1_234_567_890n)).signedVarint(), -1_234_567_890n);
    assert.equal(varint(-1n).length, 10);
  });

  test('an 11-byte varint is refused', () => {
    assert.throws(() => reader([...Array(10).fill(0x80), 0x00]).varint(), ProtobufError);
  });

  test('a varint cut off is refused', () => {
    assert.throws(() => reader([0x80]).varint(), ProtobufError);
    assert.throws(() => reader([]).varint(), ProtobufError);
    assert.throws(() => reader([0xff, 0xff, 0xff]).varint(), ProtobufError);
  });

  test('every 64-bit value comes back as written (2,000 generated values)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX64 }), (value) => {
        const r = reader(varint(value));
        return r.varint() === value && r.done;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tags', () => {
  test('field number and wire type', () => {
    assert.deepEqual(reader([0x0a]).tag(), { field: 1, wireType: 2 });
    assert.deepEqual(reader(tag(536_870_911, 5)).tag(), { field: 536_870_911, wireType: 5 });
  });
  test('field number 0 is refused', () => {
    assert.throws(() => reader([0x02]).tag(), ProtobufError);
  });
  test('a field number above 2^29-1 is refused', () => {
    assert.throws(() => reader(varint(536_870_912n << 3n)).tag(), ProtobufError);
  });
});

describe('length-delimited fields', () => {
  test('read exactly their bytes, to the end', () => {
    const r = reader([0x03, 0x61, 0x62, 0x63]);
    assert.deepEqual([...r.lengthDelimited()], [0x61, 0x62, 0x63]);
    assert.ok(r.done);
  });
  test('an empty one', () => {
    assert.deepEqual([...reader([0x00]).lengthDelimited()], []);
  });
  test('a length past the end is refused', () => {
    assert.throws(() => reader([0x04, 0x61, 0x62, 0x63]).lengthDelimited(), ProtobufError);
  });
  test('a length of 2^63 is refused without allocating', () => {
    assert.throws(() => reader(varint(1n << 63n)).lengthDelimited(), ProtobufError);
  });
  test('a length over 127 (two-byte length varint)', () => {
    const content = Array.from({ length: 300 }, (_, i) => i % 256);
    const r = reader(lengthDelimited(1, content));
    r.tag();
    assert.deepEqual([...r.lengthDelimited()], content);
  });
});

/** `depth` groups inside each other, each closed. */
function nested(depth: number): number[] {
  const starts = Array.from({ length: depth }, (_, i) => tag(i + 1, 3)).flat();
  const ends = Array.from({ length: depth }, (_, i) => tag(depth - i, 4)).flat();
  return [...starts, ...ends];
}

describe('skipping unknown fields', () => {
  const skipAll = (bytes: number[]): ProtobufReader => {
    const r = reader(bytes);
    while (!r.done) r.skip(r.tag());
    return r;
  };
  test('every wire type that carries a value', () => {
    const bytes = [
      ...tag(9, 0),
      ...varint(MAX64),
      ...tag(10, 1),
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      ...lengthDelimited(11, [1, 2, 3]),
      ...tag(12, 5),
      1,
      2,
      3,
      4,
    ];
    assert.ok(skipAll(bytes).done);
  });
  test('groups nested 30 deep (closed)', () => {
    assert.ok(skipAll(nested(30)).done);
  });
  test('groups, nested, with values inside', () => {
    const bytes = [
      ...tag(7, 3),
      ...tag(1, 0),
      5,
      ...tag(8, 3),
      ...lengthDelimited(2, [9]),
      ...tag(8, 4),
      ...tag(7, 4),
    ];
    assert.ok(skipAll(bytes).done);
  });
  const refused: Array<[string, number[]]> = [
    ['wire type 6', [...tag(1, 6)]],
    ['wire type 7', [...tag(1, 7)]],
    ['an end group with no start', [...tag(1, 4)]],
    ['a group ended by another field’s end', [...tag(1, 3), ...tag(2, 4)]],
    ['a group never ended', [...tag(1, 3), ...tag(2, 0), 1]],
    ['groups nested 40 deep (closed)', nested(40)],
    ['a fixed64 cut off', [...tag(1, 1), 1, 2, 3]],
    ['a fixed32 cut off', [...tag(1, 5), 1, 2, 3]],
    ['a varint cut off', [...tag(1, 0), 0x80]],
  ];
  for (const [what, bytes] of refused) {
    test(`${what} is refused`, () => assert.throws(() => skipAll(bytes), ProtobufError));
  }
});
