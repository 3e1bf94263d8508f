import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pixels } from '../core/qr/types.ts';
import { aimRect, cropPixels, offsetRect } from './frame-geometry.ts';

/** A frame whose every pixel holds its own coordinates: R = x, G = y. */
function coordinates(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([x, y, 0, 255], (y * width + x) * 4);
  return { data, width, height };
}

test('the aiming frame is a centred square of 80% of the shorter side', () => {
  assert.deepEqual(aimRect(1280, 720), { x: 352, y: 72, width: 576, height: 576 });
  assert.deepEqual(aimRect(720, 1280), { x: 72, y: 352, width: 576, height: 576 });
  assert.deepEqual(aimRect(640, 480, 0.5), { x: 200, y: 120, width: 240, height: 240 });
});

test('the aiming frame stays inside tiny or degenerate frames', () => {
  assert.deepEqual(aimRect(1, 1), { x: 0, y: 0, width: 1, height: 1 });
  assert.deepEqual(aimRect(10, 3, 1), { x: 3, y: 0, width: 3, height: 3 });
});

test('a crop copies exactly the rectangle, row by row', () => {
  const frame = coordinates(20, 10);
  const crop = cropPixels(frame, { x: 5, y: 2, width: 4, height: 3 });
  assert.equal(crop.width, 4);
  assert.equal(crop.height, 3);
  assert.equal(crop.data.length, 4 * 3 * 4);
  for (let y = 0; y < 3; y++)
    for (let x = 0; x < 4; x++)
      assert.deepEqual([...crop.data.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)], [5 + x, 2 + y, 0, 255]);
});

test('a crop is a copy: transferring or changing it leaves the frame as it was', () => {
  const frame = coordinates(8, 8);
  const before = Uint8ClampedArray.from(frame.data);
  const crop = cropPixels(frame, { x: 0, y: 0, width: 8, height: 8 });
  crop.data.fill(0);
  assert.deepEqual(frame.data, before);
  assert.notEqual(crop.data.buffer, frame.data.buffer);
});

test('a crop reaching past the frame is clipped to it', () => {
  const frame = coordinates(10, 10);
  const crop = cropPixels(frame, { x: 7, y: -2, width: 6, height: 5 });
  assert.equal(crop.width, 3);
  assert.equal(crop.height, 3);
  assert.deepEqual([...crop.data.subarray(0, 4)], [7, 0, 0, 255]);
  assert.deepEqual(cropPixels(frame, { x: 20, y: 20, width: 5, height: 5 }).data.length, 0);
});

test('bounds found in the crop are moved back into the frame', () => {
  assert.deepEqual(offsetRect({ x: 10, y: 20, width: 30, height: 40 }, { x: 352, y: 72 }), {
    x: 362,
    y: 92,
    width: 30,
    height: 40,
  });
});
