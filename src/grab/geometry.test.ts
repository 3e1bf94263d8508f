import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  captureScale,
  frameContentBox,
  fromFrame,
  fullyVisible,
  grow,
  intersect,
  readingOrder,
  toCapturePixels,
  visiblePart,
} from './geometry.ts';

const VIEWPORT = { width: 1000, height: 700 };
const NO_EDGES = { top: 0, right: 0, bottom: 0, left: 0 };

test('visiblePart clamps an element partly outside the viewport, and is undefined when off screen', () => {
  assert.deepEqual(visiblePart({ x: 900, y: -50, width: 264, height: 264 }, VIEWPORT), {
    x: 900,
    y: 0,
    width: 100,
    height: 214,
  });
  assert.deepEqual(visiblePart({ x: 10, y: 20, width: 30, height: 40 }, VIEWPORT), {
    x: 10,
    y: 20,
    width: 30,
    height: 40,
  });
  assert.equal(visiblePart({ x: 0, y: 2400, width: 264, height: 264 }, VIEWPORT), undefined);
  assert.equal(visiblePart({ x: 1000, y: 0, width: 5, height: 5 }, VIEWPORT), undefined);
});

test('intersect of touching rectangles is empty', () => {
  assert.equal(
    intersect({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }),
    undefined,
  );
});

test('fullyVisible', () => {
  assert.equal(fullyVisible({ x: 0, y: 0, width: 1000, height: 700 }, VIEWPORT), true);
  assert.equal(fullyVisible({ x: 0, y: 1, width: 1000, height: 700 }, VIEWPORT), false);
  assert.equal(fullyVisible({ x: -1, y: 0, width: 10, height: 10 }, VIEWPORT), false);
});

test('grow adds a quiet zone but stays inside the bounds', () => {
  const bounds = { x: 0, y: 0, ...VIEWPORT };
  assert.deepEqual(grow({ x: 100, y: 100, width: 50, height: 50 }, 8, bounds), {
    x: 92,
    y: 92,
    width: 66,
    height: 66,
  });
  assert.deepEqual(grow({ x: 2, y: 690, width: 50, height: 10 }, 8, bounds), {
    x: 0,
    y: 682,
    width: 60,
    height: 18,
  });
});

test('frameContentBox moves in by border and padding on every side', () => {
  const box = frameContentBox(
    { x: 40, y: 150, width: 500, height: 360 },
    { top: 9, right: 9, bottom: 9, left: 9 },
    { top: 11, right: 11, bottom: 11, left: 11 },
  );
  assert.deepEqual(box, { x: 60, y: 170, width: 460, height: 320 });
  assert.deepEqual(frameContentBox({ x: 5, y: 5, width: 10, height: 10 }, NO_EDGES, NO_EDGES), {
    x: 5,
    y: 5,
    width: 10,
    height: 10,
  });
  assert.deepEqual(
    frameContentBox(
      { x: 0, y: 0, width: 10, height: 10 },
      { top: 8, right: 8, bottom: 8, left: 8 },
      NO_EDGES,
    ),
    { x: 8, y: 8, width: 0, height: 0 },
  );
});

test('fromFrame offsets a rectangle by the frame origin and cuts it to the frame', () => {
  const frame = { x: 60, y: 170, width: 460, height: 320 };
  assert.deepEqual(fromFrame({ x: 60, y: 28, width: 232, height: 232 }, frame), {
    x: 120,
    y: 198,
    width: 232,
    height: 232,
  });
  // The element is scrolled half out of the frame: only the part the frame shows remains.
  assert.deepEqual(fromFrame({ x: 300, y: 200, width: 232, height: 232 }, frame), {
    x: 360,
    y: 370,
    width: 160,
    height: 120,
  });
  assert.equal(fromFrame({ x: 0, y: 400, width: 50, height: 50 }, frame), undefined);
});

test('captureScale covers device pixel ratio and page zoom', () => {
  assert.equal(captureScale(1000, 1000), 1);
  assert.equal(captureScale(2000, 1000), 2);
  // 150 % zoom at DPR 1: the viewport is 667 CSS px wide in a 1000 px screenshot.
  assert.ok(Math.abs(captureScale(1000, 666.6667) - 1.5) < 1e-6);
  // 150 % zoom at DPR 2.
  assert.ok(Math.abs(captureScale(2000, 666.6667) - 3) < 1e-6);
  assert.equal(captureScale(1000, 0), 1);
});

test('toCapturePixels scales, rounds outwards and clamps to the screenshot', () => {
  const capture = { width: 2000, height: 1400 };
  assert.deepEqual(toCapturePixels({ x: 10.3, y: 20.6, width: 100.2, height: 50 }, 2, capture), {
    x: 20,
    y: 41,
    width: 201,
    height: 101,
  });
  assert.deepEqual(toCapturePixels({ x: 950, y: 650, width: 100, height: 100 }, 2, capture), {
    x: 1900,
    y: 1300,
    width: 100,
    height: 100,
  });
  assert.deepEqual(toCapturePixels({ x: -5, y: -5, width: 10, height: 10 }, 1.5, capture), {
    x: 0,
    y: 0,
    width: 8,
    height: 8,
  });
  assert.equal(toCapturePixels({ x: 1000, y: 0, width: 10, height: 10 }, 2, capture), undefined);
});

test('readingOrder: side by side left to right, otherwise top to bottom', () => {
  const left = { x: 0, y: 40, width: 232, height: 232 };
  const right = { x: 244, y: 8, width: 264, height: 264 };
  const below = { x: 0, y: 300, width: 100, height: 100 };
  assert.ok(readingOrder(left, right) < 0);
  assert.ok(readingOrder(right, left) > 0);
  assert.ok(readingOrder(below, right) > 0);
  assert.deepEqual([below, right, left].sort(readingOrder), [left, right, below]);
});
