import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { placePixels, qrPixels, solidPixels } from '../../../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../../../test/helpers/zxing-node.ts';
import { decodeQr } from './decode.ts';
import type { DecodeResult, Pixels } from './types.ts';
import { WARM_UP_TEXT, warmUpImage, warmUpZxing } from './zxing-engine.ts';

const OTP = 'otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop';

before(() => useZxingFromNodeModules());

const texts = (result: DecodeResult) => (result.ok ? result.codes.map((c) => c.text) : result.error);

/** Deterministic noise (no code can be in it). */
function noise(width: number, height: number, seed = 7): Pixels {
  const image = solidPixels(width, height);
  let state = seed;
  for (let p = 0; p < image.data.length; p += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    const v = state >>> 24;
    image.data[p] = v;
    image.data[p + 1] = v;
    image.data[p + 2] = v;
  }
  return image;
}

test('reads the text of a generated QR code with zxing-wasm, with its bounds', async () => {
  const image = qrPixels(OTP, { scale: 4, margin: 4 });
  const result = await decodeQr(image);
  assert.ok(result.ok);
  assert.deepEqual(texts(result), [OTP]);
  const [code] = result.codes;
  assert.equal(code?.engine, 'zxing-wasm');
  // The code starts after a 4-module quiet zone (16 px) and ends 16 px before the edge.
  assert.ok(code?.bounds && Math.abs(code.bounds.x - 16) <= 2 && Math.abs(code.bounds.y - 16) <= 2);
  assert.ok(Math.abs((code?.bounds?.width ?? 0) - (image.width - 32)) <= 4);
});

test('reads an inverted code (light modules on dark)', async () => {
  const image = qrPixels(OTP, { dark: [255, 255, 255, 255], light: [0, 0, 0, 255] });
  assert.deepEqual(texts(await decodeQr(image)), [OTP]);
});

test('the thorough read at once (camera frames) reads the same codes as the quick read first', async () => {
  const plain = qrPixels(OTP);
  const inverted = qrPixels(OTP, { dark: [255, 255, 255, 255], light: [0, 0, 0, 255] });
  for (const image of [plain, inverted]) {
    assert.deepEqual(texts(await decodeQr(image, { quickFirst: false })), [OTP]);
    assert.deepEqual(texts(await decodeQr(image, { quickFirst: true })), [OTP]);
  }
});

test('reads a code drawn on a transparent background (transparent black reads as white)', async () => {
  const image = qrPixels(OTP, { dark: [0, 0, 0, 255], light: [0, 0, 0, 0] });
  assert.deepEqual(texts(await decodeQr(image)), [OTP]);
});

test('reads a coloured, low-contrast code', async () => {
  const image = qrPixels(OTP, { dark: [40, 60, 150, 255], light: [250, 230, 120, 255] });
  assert.deepEqual(texts(await decodeQr(image)), [OTP]);
});

test('reads tiny modules: 2 px and 1 px a module', async () => {
  assert.deepEqual(texts(await decodeQr(qrPixels(OTP, { scale: 2 }))), [OTP]);
  assert.deepEqual(texts(await decodeQr(qrPixels(OTP, { scale: 1 }))), [OTP]);
});

test('finds every code, once each, in reading order', async () => {
  const [a, b, c] = ['otpauth://totp/A:a?secret=AAAA', 'otpauth://totp/B:b?secret=BBBB', 'plain text C'];
  const image = solidPixels(900, 700);
  // Row 1: b on the left slightly lower than a on the right; row 2: c, and a again (a duplicate).
  placePixels(image, qrPixels(a ?? ''), 480, 20);
  placePixels(image, qrPixels(b ?? ''), 40, 60);
  placePixels(image, qrPixels(c ?? ''), 40, 380);
  placePixels(image, qrPixels(a ?? ''), 480, 400);
  const result = await decodeQr(image);
  assert.deepEqual(texts(result), [b, a, c]);
});

test('a blank image and a noise image hold no code', async () => {
  assert.deepEqual(await decodeQr(solidPixels(64, 64)), { ok: true, codes: [] });
  assert.deepEqual(await decodeQr(noise(300, 200)), { ok: true, codes: [] });
});

test('a large image is shrunk for the first pass; bounds stay in the original pixels', async () => {
  const image = solidPixels(4000, 2500);
  placePixels(image, qrPixels(OTP, { scale: 12, margin: 0 }), 2000, 1200);
  const result = await decodeQr(image);
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(texts(result), [OTP]);
  const bounds = result.codes[0]?.bounds;
  assert.ok(
    bounds && Math.abs(bounds.x - 2000) < 12 && Math.abs(bounds.y - 1200) < 12,
    JSON.stringify(bounds),
  );
});

test('malformed input is a typed error, not an exception', async () => {
  const code = async (image: Pixels) => {
    const result = await decodeQr(image);
    return result.ok ? 'ok' : result.error.code;
  };
  assert.equal(await code({ data: new Uint8ClampedArray(0), width: 0, height: 0 }), 'invalid-image');
  assert.equal(await code({ data: new Uint8ClampedArray(10), width: 4, height: 4 }), 'invalid-image');
  assert.equal(
    await code({ data: new Uint8ClampedArray(16), width: Number.NaN, height: 1 }),
    'invalid-image',
  );
  assert.equal(await code({ data: new Uint8ClampedArray(8), width: 1.5, height: 1 }), 'invalid-image');
  assert.equal(
    await code({ data: [] as unknown as Uint8ClampedArray, width: 1, height: 1 }),
    'invalid-image',
  );
  assert.equal(await code({ data: new Uint8ClampedArray(4), width: 20000, height: 1 }), 'image-too-large');
  assert.equal(await code({ data: new Uint8ClampedArray(4), width: 9000, height: 9000 }), 'image-too-large');
});

test('a spent time budget ends a fruitless decode with a timeout', async () => {
  const result = await decodeQr(noise(200, 200), { budgetMs: -1 });
  assert.deepEqual(result.ok ? 'ok' : result.error.code, 'timeout');
});

test('an aborted signal cancels the decode between passes', async () => {
  const controller = new AbortController();
  controller.abort();
  const result = await decodeQr(noise(200, 200), { signal: controller.signal });
  assert.deepEqual(result.ok ? 'ok' : result.error.code, 'cancelled');
  // A code the first pass reads is still returned: cancellation only stops further passes.
  assert.deepEqual(texts(await decodeQr(qrPixels(OTP), { signal: controller.signal })), [OTP]);
});

test('the warm-up code the decoder reads as it starts is a real code (its text comes back)', async () => {
  assert.equal(await warmUpZxing(), true);
  assert.deepEqual(texts(await decodeQr(warmUpImage())), [WARM_UP_TEXT]);
});
