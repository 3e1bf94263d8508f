import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFrameGrab, isImageGrab, isPageGrab } from './grab-result.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const RECT = { x: 1, y: 2, width: 3, height: 4 };
const VIEWPORT = { width: 1000, height: 700 };

test('image grabs: only well-formed answers pass', () => {
  assert.equal(isImageGrab({ kind: 'pixels', dataUrl: PNG }), true);
  assert.equal(isImageGrab({ kind: 'pixels', dataUrl: 'javascript:alert(1)' }), false);
  assert.equal(isImageGrab({ kind: 'on-screen', rect: RECT, viewport: VIEWPORT, scrolled: false }), true);
  assert.equal(isImageGrab({ kind: 'on-screen', rect: RECT, viewport: VIEWPORT }), false);
  const nan = { ...RECT, x: Number.NaN };
  assert.equal(isImageGrab({ kind: 'on-screen', rect: nan, viewport: VIEWPORT, scrolled: false }), false);
  const empty = { width: 0, height: 1 };
  assert.equal(isImageGrab({ kind: 'on-screen', rect: RECT, viewport: empty, scrolled: true }), false);
  assert.equal(isImageGrab({ kind: 'not-found' }), true);
  assert.equal(isImageGrab({ kind: 'broken' }), true);
  assert.equal(isImageGrab({ kind: 'other' }), false);
  assert.equal(isImageGrab(null), false);
});

test('page grabs and frame grabs', () => {
  assert.equal(
    isPageGrab({ viewport: VIEWPORT, pixels: [{ dataUrl: PNG, rect: RECT }], onScreen: [RECT] }),
    true,
  );
  assert.equal(
    isPageGrab({ viewport: VIEWPORT, pixels: [{ dataUrl: 'x', rect: RECT }], onScreen: [] }),
    false,
  );
  assert.equal(isPageGrab({ viewport: VIEWPORT, pixels: [null], onScreen: [] }), false);
  assert.equal(isPageGrab({ viewport: VIEWPORT, pixels: [], onScreen: [{}] }), false);
  assert.equal(isFrameGrab({ viewport: VIEWPORT, box: RECT }), true);
  assert.equal(isFrameGrab({ viewport: VIEWPORT }), true);
  assert.equal(isFrameGrab({ viewport: VIEWPORT, box: 'x' }), false);
});
