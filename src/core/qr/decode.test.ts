import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qrPixels } from '../../../test/helpers/qr-pixels.ts';
import { decodeQr } from './decode.ts';

test('reads the text of a generated QR code', async () => {
  const text = 'otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop';
  const result = await decodeQr(qrPixels(text));
  assert.deepEqual(result.ok && result.codes.map((c) => c.text), [text]);
});

test('a blank image holds no code', async () => {
  const result = await decodeQr({
    data: new Uint8ClampedArray(64 * 64 * 4).fill(255),
    width: 64,
    height: 64,
  });
  assert.deepEqual(result, { ok: true, codes: [] });
});

test('malformed input is a typed error, not an exception', async () => {
  assert.equal((await decodeQr({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).ok, false);
  const wrongLength = await decodeQr({ data: new Uint8ClampedArray(10), width: 4, height: 4 });
  assert.deepEqual(wrongLength.ok ? undefined : wrongLength.error.code, 'invalid-image');
});
