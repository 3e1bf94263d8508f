import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Found } from './found.ts';
import { inReadingOrder } from './reading-order.ts';

const at = (text: string, x: number, y: number, size = 100): Found => ({
  text,
  corners: [
    { x, y },
    { x: x + size, y },
    { x: x + size, y: y + size },
    { x, y: y + size },
  ],
  engine: 'zxing-wasm',
});

test('rows from top to bottom, left to right within a row, each text once', () => {
  const found = [
    at('row 2 right', 400, 330),
    at('row 1 right', 400, 0),
    at('row 2 left', 0, 300),
    at('row 1 left, a little lower', 0, 40),
    at('row 1 right', 800, 300),
  ];
  assert.deepEqual(
    inReadingOrder(found).map((c) => c.text),
    ['row 1 left, a little lower', 'row 1 right', 'row 2 left', 'row 2 right'],
  );
});

test('bounds are the whole-pixel box around rotated corners', () => {
  const rotated: Found = {
    text: 'r',
    corners: [
      { x: 50.5, y: 0.2 },
      { x: 100, y: 50 },
      { x: 50, y: 99.6 },
      { x: 0.4, y: 50 },
    ],
    engine: 'jsqr',
  };
  assert.deepEqual(inReadingOrder([rotated])[0]?.bounds, { x: 0, y: 0, width: 100, height: 100 });
});
