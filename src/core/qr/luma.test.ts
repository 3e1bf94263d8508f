import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenOnWhite, resize, shrinkToLuma, toLuma, toRgba } from './luma.ts';
import type { Pixels } from './types.ts';

const rgba = (width: number, height: number, pixel: (x: number, y: number) => number[]): Pixels => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { data, width, height };
};

test('transparent pixels are painted white, half-transparent ones lighter', () => {
  const image = rgba(
    3,
    1,
    (x) =>
      [
        [0, 0, 0, 0],
        [0, 0, 0, 128],
        [10, 20, 30, 255],
      ][x] ?? [],
  );
  assert.deepEqual([...toLuma(image).data], [255, 127, 18]);
  assert.deepEqual([...flattenOnWhite(image).data.subarray(0, 8)], [255, 255, 255, 255, 127, 127, 127, 255]);
  const opaque = rgba(2, 2, () => [1, 2, 3, 255]);
  assert.equal(flattenOnWhite(opaque), opaque);
});

test('shrinking averages boxes; the fused RGBA shrink gives the same grey image', () => {
  // 4×2 checkerboard of 2×2 blocks: black, white → 2×1 of black, white.
  const image = rgba(4, 2, (x) => (x < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
  assert.deepEqual([...resize(toLuma(image), 2, 1).data], [0, 255]);
  // Alternating columns average to grey.
  const stripes = rgba(6, 4, (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
  assert.deepEqual([...resize(toLuma(stripes), 3, 2).data], [128, 128, 128, 128, 128, 128]);
  const photo = rgba(37, 23, (x, y) => [(x * 7) % 256, (y * 11) % 256, (x * y) % 256, 255]);
  assert.deepEqual(shrinkToLuma(photo, 10, 6), resize(toLuma(photo), 10, 6));
});

test('enlarging keeps flat areas flat and doubles the size; grey back to RGBA is opaque grey', () => {
  const flat = toLuma(rgba(5, 3, () => [90, 90, 90, 255]));
  const big = resize(flat, 10, 6);
  assert.equal(big.width * big.height, 60);
  assert.ok(big.data.every((v) => v === 90));
  assert.deepEqual([...toRgba(flat).data.subarray(0, 4)], [90, 90, 90, 255]);
});
