import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DRAW_HARD_MAX_SIDE,
  DRAW_MAX_SIDE,
  drawSize,
  isVectorUrl,
  quietZone,
  VECTOR_SIDE,
} from './draw-size.ts';

test('an ordinary image is drawn at its natural size', () => {
  assert.deepEqual(drawSize({ width: 232, height: 232 }, { width: 232, height: 232 }, false), {
    width: 232,
    height: 232,
    smooth: true,
  });
  assert.deepEqual(drawSize({ width: 600, height: 400 }, { width: 300, height: 200 }, false), {
    width: 600,
    height: 400,
    smooth: true,
  });
});

test('a tiny raster code is enlarged by a whole factor without smoothing', () => {
  const plan = drawSize({ width: 66, height: 66 }, { width: 66, height: 66 }, false);
  assert.deepEqual(plan, { width: 396, height: 396, smooth: false });
});

test('a 6000 px image is drawn at most DRAW_MAX_SIDE a side, keeping its shape', () => {
  const plan = drawSize({ width: 6003, height: 6003 }, { width: 300, height: 300 }, false);
  assert.deepEqual(plan, { width: DRAW_MAX_SIDE, height: DRAW_MAX_SIDE, smooth: true });
  const wide = drawSize({ width: 8000, height: 2000 }, { width: 800, height: 200 }, false);
  assert.deepEqual(wide, { width: DRAW_MAX_SIDE, height: DRAW_MAX_SIDE / 4, smooth: true });
});

test('never fewer pixels than on screen, up to the hard ceiling', () => {
  const plan = drawSize({ width: 6000, height: 6000 }, { width: 2400, height: 2400 }, false);
  assert.equal(plan.width, 2400);
  const retina = drawSize({ width: 6000, height: 6000 }, { width: 1500, height: 1500 }, false);
  assert.equal(retina.width, 1500);
  const huge = drawSize({ width: 20000, height: 20000 }, { width: 9000, height: 9000 }, false);
  assert.equal(huge.width, DRAW_HARD_MAX_SIDE);
});

test('vector images are drawn large; an SVG without a natural size uses its size on screen', () => {
  assert.deepEqual(drawSize({ width: 33, height: 33 }, { width: 200, height: 200 }, true), {
    width: VECTOR_SIDE,
    height: VECTOR_SIDE,
    smooth: true,
  });
  assert.deepEqual(drawSize({ width: 0, height: 0 }, { width: 400, height: 200 }, false), {
    width: VECTOR_SIDE,
    height: 512,
    smooth: true,
  });
  assert.deepEqual(drawSize({ width: 0, height: 0 }, { width: 0, height: 0 }, true), {
    width: 0,
    height: 0,
    smooth: true,
  });
});

test('quietZone is at least 8 px and 5 % of the longer side', () => {
  assert.equal(quietZone({ width: 100, height: 50 }), 8);
  assert.equal(quietZone({ width: 2048, height: 1000 }), 102);
});

test('isVectorUrl', () => {
  assert.equal(isVectorUrl('https://a.example/qr.svg?text=1'), true);
  assert.equal(isVectorUrl('https://a.example/qr.SVG'), true);
  assert.equal(isVectorUrl('data:image/svg+xml;base64,PHN2Zz4='), true);
  assert.equal(isVectorUrl('data:image/svg+xml,%3Csvg%3E'), true);
  assert.equal(isVectorUrl('https://a.example/qr.png'), false);
  assert.equal(isVectorUrl('https://a.example/svg/qr.png'), false);
});
