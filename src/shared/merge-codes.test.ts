import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alreadyRead, mergeCodes, placesOf } from './merge-codes.ts';

const at = (x: number, y: number) => ({ x, y, width: 100, height: 100 });

test('each text once, in reading order on screen, without image-relative bounds', () => {
  const merged = mergeCodes([
    // The whole screenshot at scale 2: the code at (500, 40) device px is at (250, 20) CSS px.
    {
      result: { ok: true, codes: [{ text: 'right', bounds: { x: 500, y: 40, width: 200, height: 200 } }] },
      at: { x: 0, y: 0, width: 0, height: 0 },
      scale: 2,
    },
    { result: { ok: true, codes: [{ text: 'below' }] }, at: at(0, 400) },
    {
      result: { ok: true, codes: [{ text: 'left', bounds: { x: 9, y: 9, width: 5, height: 5 } }] },
      at: at(0, 10),
    },
    { result: { ok: true, codes: [{ text: 'right' }] }, at: at(250, 20) },
  ]);
  assert.deepEqual(merged, { ok: true, codes: [{ text: 'left' }, { text: 'right' }, { text: 'below' }] });
});

test('a failed decode is ignored when another succeeded', () => {
  const merged = mergeCodes([
    { result: { ok: false, error: { code: 'timeout' } }, at: at(0, 0) },
    { result: { ok: true, codes: [] }, at: at(0, 0) },
  ]);
  assert.deepEqual(merged, { ok: true, codes: [] });
});

test('the first error comes back when nothing succeeded', () => {
  const merged = mergeCodes([
    { result: { ok: false, error: { code: 'decoder-failed' } }, at: at(0, 0) },
    { result: { ok: false, error: { code: 'timeout' } }, at: at(0, 0) },
  ]);
  assert.deepEqual(merged, { ok: false, error: { code: 'decoder-failed' } });
  assert.deepEqual(mergeCodes([]), { ok: true, codes: [] });
});

test('placesOf maps screenshot codes to CSS pixels; alreadyRead finds the element holding one', () => {
  const places = placesOf({
    result: {
      ok: true,
      codes: [{ text: 'a', bounds: { x: 500, y: 40, width: 200, height: 200 } }, { text: 'b' }],
    },
    at: { x: 0, y: 0, width: 0, height: 0 },
    scale: 2,
  });
  assert.deepEqual(places, [{ x: 250, y: 20, width: 100, height: 100 }]);
  assert.equal(alreadyRead({ x: 240, y: 10, width: 132, height: 132 }, places), true);
  assert.equal(alreadyRead({ x: 0, y: 10, width: 232, height: 232 }, places), false);
  assert.equal(alreadyRead({ x: 240, y: 10, width: 132, height: 132 }, []), false);
  assert.deepEqual(
    placesOf({ result: { ok: true, codes: [{ text: 'a', bounds: at(0, 0) }] }, at: at(0, 0) }),
    [],
  );
  assert.deepEqual(
    placesOf({ result: { ok: false, error: { code: 'timeout' } }, at: at(0, 0), scale: 1 }),
    [],
  );
});
