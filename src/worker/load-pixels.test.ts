import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampCrop } from './load-pixels.ts';

test('a crop is clamped into the image; a missing or broken crop is the whole image', () => {
  assert.deepEqual(clampCrop(undefined, 300, 200), { x: 0, y: 0, width: 300, height: 200 });
  assert.deepEqual(clampCrop({ x: 10.6, y: 20.2, width: 50.1, height: 60 }, 300, 200), {
    x: 10,
    y: 20,
    width: 51,
    height: 60,
  });
  assert.deepEqual(clampCrop({ x: -50, y: 150, width: 1000, height: 1000 }, 300, 200), {
    x: 0,
    y: 150,
    width: 300,
    height: 50,
  });
  assert.deepEqual(clampCrop({ x: 900, y: 900, width: 0, height: -4 }, 300, 200), {
    x: 299,
    y: 199,
    width: 1,
    height: 1,
  });
  assert.deepEqual(clampCrop({ x: Number.NaN, y: 0, width: 10, height: 10 }, 30, 20), {
    x: 0,
    y: 0,
    width: 30,
    height: 20,
  });
});
