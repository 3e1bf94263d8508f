import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qrPixels } from '../../../test/helpers/qr-pixels.ts';
import { decodeQr } from './decode.ts';
import { useZxingWasm, zxingUnavailable } from './zxing-engine.ts';

// Node runs each test file in its own process: here zxing-wasm is never given a working module.
const OTP = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP';

test('without a configured wasm source zxing-wasm loads nothing and jsQR still reads the code', async () => {
  assert.match(zxingUnavailable() ?? '', /no wasm source/);
  const result = await decodeQr(qrPixels(OTP));
  assert.ok(result.ok);
  assert.deepEqual(
    result.codes.map((c) => [c.text, c.engine]),
    [[OTP, 'jsqr']],
  );
});

test('a wasm module that fails to load: jsQR reads what it can, nothing found is a decoder failure', async () => {
  // zxing-wasm logs the expected "Aborted(CompileError: …)" for these bytes.
  useZxingWasm({ bytes: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]).buffer });
  const read = await decodeQr(qrPixels(OTP));
  assert.deepEqual(read.ok && read.codes.map((c) => c.engine), ['jsqr']);
  assert.ok(zxingUnavailable());
  const blank = { data: new Uint8ClampedArray(40 * 40 * 4).fill(255), width: 40, height: 40 };
  const result = await decodeQr(blank);
  assert.equal(result.ok ? 'ok' : result.error.code, 'decoder-failed');
});
