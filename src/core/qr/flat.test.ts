import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFlat } from './flat.ts';
import type { Pixels } from './types.ts';

function image(width: number, height: number, paint: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = paint(x, y);
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  return { data, width, height };
}

test('one colour, or a spread too small for any binarizer, is flat', () => {
  assert.equal(isFlat(image(200, 120, () => 110)), true);
  assert.equal(isFlat(image(200, 120, (x) => 100 + (x % 11))), true);
});

test('a pattern of modules is not flat, even a small one in a large blank image', () => {
  assert.equal(isFlat(image(40, 40, (x, y) => (((x >> 2) + (y >> 2)) % 2 ? 0 : 255))), false);
  // A 25 px square of 1 px modules in a 3000×3000 white image: the sampling still lands on dark pixels.
  const big = image(3000, 3000, (x, y) =>
    x >= 1500 && x < 1525 && y >= 1500 && y < 1525 && (x + y) % 2 ? 0 : 255,
  );
  assert.equal(isFlat(big), false);
  assert.equal(isFlat(image(200, 120, (x) => 100 + (x % 13))), false, 'a spread of 12 may be a faint code');
});

/** One grey level everywhere, with the alpha `alpha(x, y)`. */
function seeThrough(width: number, height: number, grey: number, alpha: (x: number, y: number) => number) {
  const pixels = image(width, height, () => grey);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.data[(y * width + x) * 4 + 3] = alpha(x, y);
  return pixels;
}

test('over a backdrop, transparency counts: light ink on transparency is a pattern over black', () => {
  const modules = (x: number, y: number) => (((x >> 2) + (y >> 2)) % 2 ? 255 : 0);
  const lightInk = seeThrough(40, 40, 255, modules);
  assert.equal(isFlat(lightInk, 0), false, 'white modules over black');
  assert.equal(isFlat(lightInk, 255), true, 'white modules over white show nothing');
  assert.equal(isFlat(lightInk), true, 'without a backdrop the alpha is ignored: all white');
});

test('over a backdrop, a fully transparent image is flat, and half transparency still shows', () => {
  const clear = seeThrough(30, 30, 0, () => 0);
  assert.equal(isFlat(clear, 255), true);
  // Black at alpha 128 over white is a grey of 127: against the clear half's white, a spread far over 12.
  const halfInked = seeThrough(30, 30, 0, (x) => (x < 15 ? 128 : 0));
  assert.equal(isFlat(halfInked, 255), false);
});
