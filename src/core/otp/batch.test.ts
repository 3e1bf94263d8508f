import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exportPartOf, type GatheredExport, gatherParts, partsStatus } from './batch.ts';
import { encodeExport, exportUri } from './test-helpers/migration-encoder.ts';

const KEY = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

/** The QR text of part `index` (1-based) of `size` of export `id`, holding one account named `name`. */
function part(id: number, index: number, size: number, name = `account ${index}`): { text: string } {
  const bytes = encodeExport({
    accounts: [{ secret: KEY, name, issuer: 'Example' }],
    batchId: id,
    batchIndex: index - 1,
    batchSize: size,
  });
  return { text: exportUri(bytes) };
}

const indexes = (gathered: GatheredExport<{ text: string }> | undefined) =>
  gathered?.parts.map((p) => p.index);

describe('exportPartOf', () => {
  test('a part of a multi-part export says its export, index and size', () => {
    assert.deepEqual(exportPartOf(part(-5, 2, 3).text), { id: -5, index: 2, size: 3 });
    assert.deepEqual(exportPartOf(`  ${part(77, 1, 2).text}\n`), { id: 77, index: 1, size: 2 });
  });

  const notParts: [string, string][] = [
    ['an export that fits in one code', part(9, 1, 1).text],
    ['an otpauth code', 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A'],
    ['text', 'hello'],
    ['a broken export', 'otpauth-migration://offline?data=%%%'],
    ['an empty export', exportUri(encodeExport({ accounts: [], batchSize: 3 }))],
  ];
  for (const [name, text] of notParts) {
    test(`${name} is not a part`, () => assert.equal(exportPartOf(text), undefined));
  }
});

describe('gatherParts', () => {
  test('parts read one after another gather in part order, whatever order they were read in', () => {
    let gathered = gatherParts(undefined, [part(1, 3, 3)]);
    assert.deepEqual(indexes(gathered), [3]);
    gathered = gatherParts(gathered, [part(1, 1, 3)]);
    assert.deepEqual(indexes(gathered), [1, 3]);
    gathered = gatherParts(gathered, [part(1, 2, 3)]);
    assert.deepEqual(indexes(gathered), [1, 2, 3]);
    assert.equal(gathered?.id, 1);
    assert.equal(gathered?.size, 3);
  });

  test('the same part twice adds nothing: the first reading is kept', () => {
    const first = part(1, 2, 3, 'first');
    const gathered = gatherParts(gatherParts(undefined, [first]), [part(1, 2, 3, 'again'), first]);
    assert.deepEqual(indexes(gathered), [2]);
    assert.equal(gathered?.parts[0]?.code, first);
  });

  test('several parts in one read (several files) gather too, each once', () => {
    const gathered = gatherParts(undefined, [part(4, 3, 3), part(4, 1, 3), part(4, 3, 3)]);
    assert.deepEqual(indexes(gathered), [1, 3]);
    assert.deepEqual(indexes(gatherParts(gathered, [part(4, 2, 3)])), [1, 2, 3]);
  });

  test('a part of another export starts afresh, dropping the gathered one', () => {
    const gathered = gatherParts(undefined, [part(1, 1, 3), part(1, 2, 3)]);
    const other = gatherParts(gathered, [part(2, 3, 3)]);
    assert.equal(other?.id, 2);
    assert.deepEqual(indexes(other), [3]);
    // Same batch_id but another size is not the same export either.
    assert.deepEqual(indexes(gatherParts(gathered, [part(1, 3, 4)])), [3]);
  });

  const unrelated: [string, { text: string }[]][] = [
    ['nothing read', []],
    ['an otpauth code', [{ text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP' }]],
    ['a single-code export', [part(1, 1, 1)]],
    ['a part read together with text', [part(1, 2, 3), { text: 'hello' }]],
    ['parts of two exports', [part(1, 2, 3), part(2, 3, 3)]],
  ];
  for (const [name, codes] of unrelated) {
    test(`${name} is unrelated: it replaces the gathered export`, () => {
      assert.equal(gatherParts(gatherParts(undefined, [part(1, 1, 3)]), codes), undefined);
    });
  }

  test('the stored export is never changed in place', () => {
    const stored = gatherParts(undefined, [part(1, 1, 3)]);
    gatherParts(stored, [part(1, 2, 3)]);
    assert.deepEqual(indexes(stored), [1]);
  });
});

describe('partsStatus', () => {
  const cases: [number[], number, number[]][] = [
    [[1, 3], 3, [2]],
    [[2], 3, [1, 3]],
    [[1, 2, 3], 3, []],
    [[5], 10, [1, 2, 3, 4, 6, 7, 8, 9, 10]],
  ];
  for (const [read, size, missing] of cases) {
    test(`parts ${read.join(',')} of ${size}: ${missing.join(',') || 'nothing'} missing`, () => {
      const parts = read.map((index) => ({ index }));
      assert.deepEqual(partsStatus({ size, parts }), { size, read, missing });
    });
  }
});
