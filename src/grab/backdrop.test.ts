import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBackdrop } from './backdrop.ts';

/** RGBA pixels from [grey, alpha] pairs. */
function pixels(...values: [number, number][]): Uint8ClampedArray {
  return new Uint8ClampedArray(values.flatMap(([grey, alpha]) => [grey, grey, grey, alpha]));
}

test('an opaque image needs no backdrop', () => {
  assert.equal(chooseBackdrop(pixels([0, 255], [255, 255])), 'none');
});

test('dark modules on transparency read over white', () => {
  assert.equal(chooseBackdrop(pixels([0, 255], [0, 0], [0, 0], [0, 255])), 'white');
});

test('light modules on transparency (made for a dark page) read over black', () => {
  assert.equal(chooseBackdrop(pixels([255, 255], [0, 0], [0, 0], [250, 255])), 'black');
});

test('a fully transparent image gets white; an empty one none', () => {
  assert.equal(chooseBackdrop(pixels([0, 0], [0, 0])), 'white');
  assert.equal(chooseBackdrop(new Uint8ClampedArray(0)), 'none');
});

test('sampling still sees transparency in a large image', () => {
  const big = new Uint8ClampedArray(1000 * 1000 * 4);
  for (let i = 0; i < big.length; i += 4) {
    const ink = (i / 4) % 7 === 0;
    big[i] = big[i + 1] = big[i + 2] = 255;
    big[i + 3] = ink ? 255 : 0;
  }
  assert.equal(chooseBackdrop(big), 'black');
});
