import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { pngSize } from './png-size.ts';

function pngDataUrl(width: number, height: number): string {
  const png = new PNG({ width, height });
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

test('pngSize reads width and height from the header', () => {
  assert.deepEqual(pngSize(pngDataUrl(1000, 700)), { width: 1000, height: 700 });
  assert.deepEqual(pngSize(pngDataUrl(2000, 1400)), { width: 2000, height: 1400 });
  assert.deepEqual(pngSize(pngDataUrl(1, 70000)), { width: 1, height: 70000 });
});

test('pngSize refuses anything that is not a PNG data: URL', () => {
  assert.equal(pngSize('data:image/jpeg;base64,/9j/4AAQ'), undefined);
  assert.equal(pngSize('data:image/png;base64,!!!!'), undefined);
  assert.equal(
    pngSize(`data:image/png;base64,${Buffer.from('GIF89a-not-a-png-at-all-xxxxxx').toString('base64')}`),
    undefined,
  );
  assert.equal(pngSize('https://a.example/qr.png'), undefined);
});
