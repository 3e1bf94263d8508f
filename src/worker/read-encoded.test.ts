import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { PNG } from 'pngjs';
import { placePixels, qrPixels, solidPixels } from '../../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../../test/helpers/zxing-node.ts';
import { decodeQr } from '../core/qr/decode.ts';
import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import { zxingUnavailable } from '../core/qr/zxing-engine.ts';
import { foundCodes, readAsEncoded } from './read-encoded.ts';

const OTP = 'otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop';

before(() => useZxingFromNodeModules());

const texts = (result: DecodeResult | undefined) =>
  result === undefined ? undefined : result.ok ? result.codes.map((c) => c.text) : result.error;

function pngOf(image: Pixels, colorType: 2 | 6 = 6): Blob {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new Blob([new Uint8Array(PNG.sync.write(png, { colorType }))], { type: 'image/png' });
}

test('a whole PNG is read as it is, codes and bounds as from its pixels', async () => {
  const image = qrPixels(OTP, { scale: 4, margin: 4 });
  const encoded = await readAsEncoded(pngOf(image, 2));
  const fromPixels = await decodeQr(image);
  assert.deepEqual(texts(encoded), [OTP]);
  assert.ok(encoded?.ok && fromPixels.ok);
  assert.deepEqual(encoded.codes[0]?.bounds, fromPixels.codes[0]?.bounds);
});

test('a code on a transparent background finds nothing here (read as black) and is left to the pixel read', async () => {
  // Black modules, fully transparent elsewhere: zxing's own decoder sees black on black.
  const image = qrPixels(OTP, { scale: 4, margin: 4, light: [0, 0, 0, 0] });
  assert.deepEqual(await readAsEncoded(pngOf(image)), { ok: true, codes: [] });
  // The usual way paints it over white and reads it.
  assert.deepEqual(texts(await decodeQr(image)), [OTP]);
});

test('an image without a code reads none, as do bytes it cannot decode; formats it does not take are not read', async () => {
  assert.deepEqual(await readAsEncoded(pngOf(solidPixels(300, 200, [200, 10, 10, 255]))), {
    ok: true,
    codes: [],
  });
  const broken = new Uint8Array(await pngOf(qrPixels(OTP)).arrayBuffer()).slice(0, 200);
  // zxing-wasm answers bytes its own decoder cannot read with no codes (the pixel read then has its say).
  assert.equal(foundCodes(await readAsEncoded(new Blob([broken], { type: 'image/png' }))), false);
  const webp = new Blob([new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ')], { type: 'image/webp' });
  assert.equal(await readAsEncoded(webp), undefined);
  assert.equal(await readAsEncoded(new Blob([])), undefined);
  // None of that leaves the engine unusable.
  assert.equal(zxingUnavailable(), undefined);
  assert.deepEqual(texts(await decodeQr(qrPixels(OTP))), [OTP]);
});

test('an image larger than the first pass reads is left to the browser decoder, which shrinks it', async () => {
  // 4000×2200 is more than FIRST_PASS_MAX_PIXELS (3840×2160) and holds a code: not read this way at all.
  const big = placePixels(solidPixels(4000, 2200), qrPixels(OTP, { scale: 8 }), 100, 100);
  assert.equal(await readAsEncoded(pngOf(big, 2)), undefined);
  const fits = placePixels(solidPixels(3000, 2000), qrPixels(OTP, { scale: 8 }), 100, 100);
  assert.deepEqual(texts(await readAsEncoded(pngOf(fits, 2))), [OTP]);
});
