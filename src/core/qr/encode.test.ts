import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { QR_QUIET_ZONE, qrDarkRects, qrSide, qrSvgPath } from './draw.ts';
import { encodeQr, QrEncodeError, type QrMatrix, tryEncodeQr } from './encode.ts';

const URI = 'otpauth://totp/ACME%20Co:john@example.com?issuer=ACME%20Co&secret=JBSWY3DPEHPK3PXP';

const dark = (m: QrMatrix, x: number, y: number): number => m.modules[y * m.size + x] ?? -1;

/** A 7×7 finder pattern (dark ring, light ring, dark 3×3 centre) with its top-left at (x, y). */
function isFinder(m: QrMatrix, x0: number, y0: number): boolean {
  for (let y = 0; y < 7; y++) {
    for (let x = 0; x < 7; x++) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      if (dark(m, x0 + x, y0 + y) !== (ring === 2 ? 0 : 1)) return false;
    }
  }
  return true;
}

describe('encodeQr', () => {
  test('a square matrix of a QR version (17 + 4v modules a side), 0/1 only, finder patterns in three corners', () => {
    const m = encodeQr(URI);
    assert.equal((m.size - 17) % 4, 0);
    assert.equal(m.modules.length, m.size * m.size);
    assert.ok(m.modules.every((v) => v === 0 || v === 1));
    assert.ok(isFinder(m, 0, 0) && isFinder(m, m.size - 7, 0) && isFinder(m, 0, m.size - 7));
    assert.ok(!isFinder(m, m.size - 7, m.size - 7));
  });

  test('level M, smallest version: this 82-character URI is version 5 (37 modules; also 5 at L, 7 at Q, 8 at H)', () => {
    assert.equal(URI.length, 82);
    assert.equal(encodeQr(URI).size, 37);
  });

  test('the same text gives the same matrix; another text another one', () => {
    assert.deepEqual(encodeQr(URI), encodeQr(URI));
    assert.notDeepEqual(encodeQr(URI).modules, encodeQr(`${URI}&digits=8`).modules);
  });

  test('2,331 bytes fit (version 40, 177 modules); 2,332 are a typed too-long error', () => {
    assert.equal(encodeQr('a'.repeat(2331)).size, 177);
    assert.throws(
      () => encodeQr('a'.repeat(2332)),
      (error: unknown) => error instanceof QrEncodeError && error.code === 'too-long',
    );
    assert.deepEqual(tryEncodeQr('a'.repeat(2332)), { ok: false, error: 'too-long' });
    assert.equal(tryEncodeQr(URI).ok, true);
  });

  test('UTF-8: 777 three-byte characters (2,331 bytes) fit, 778 do not', () => {
    assert.equal(tryEncodeQr('株'.repeat(777)).ok, true);
    assert.deepEqual(tryEncodeQr('株'.repeat(778)), { ok: false, error: 'too-long' });
  });

  test('an empty text is a typed error, not an empty code', () => {
    assert.deepEqual(tryEncodeQr(''), { ok: false, error: 'empty' });
    assert.throws(() => encodeQr(''), QrEncodeError);
  });
});

/** The matrix (quiet zone included) that a list of rectangles paints. */
function paint(rects: { x: number; y: number; width: number; height: number }[], side: number): Uint8Array {
  const cells = new Uint8Array(side * side);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.height; y++)
      for (let x = r.x; x < r.x + r.width; x++) cells[y * side + x] = 1;
  }
  return cells;
}

describe('drawing helpers', () => {
  const m = encodeQr(URI);
  const side = qrSide(m);
  const framed = new Uint8Array(side * side);
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) framed[(y + QR_QUIET_ZONE) * side + x + QR_QUIET_ZONE] = dark(m, x, y);
  }

  test('the side includes a 4-module quiet zone on each edge', () => {
    assert.equal(side, m.size + 8);
  });

  test('qrDarkRects paints exactly the dark modules, offset by the quiet zone, in row runs', () => {
    const rects = qrDarkRects(m);
    assert.deepEqual(paint(rects, side), framed);
    assert.ok(rects.every((r) => r.height === 1 && r.width >= 1));
    assert.ok(rects.every((r) => r.x >= 4 && r.y >= 4 && r.x + r.width <= side - 4 && r.y < side - 4));
  });

  test('qrSvgPath draws the same rectangles as SVG subpaths', () => {
    const d = qrSvgPath(m);
    const rects = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)].map(([, x, y, w, back]) => {
      assert.equal(w, back);
      return { x: Number(x), y: Number(y), width: Number(w), height: 1 };
    });
    assert.equal(rects.map((r) => `M${r.x} ${r.y}h${r.width}v1h-${r.width}z`).join(''), d);
    assert.deepEqual(paint(rects, side), framed);
  });
});
