import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { PNG } from 'pngjs';
import { placePixels, qrPixels, solidPixels } from '../../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../../test/helpers/zxing-node.ts';
import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { WorkerResponse } from '../shared/worker-protocol.ts';
import { requestServer } from './serve-requests.ts';

// Node has no browser image decoder and no canvas (`createImageBitmap`, `OffscreenCanvas`): whatever is
// read here was read as encoded, by zxing-wasm itself, and whatever needed the browser fails.
const FIRST = 'otpauth://totp/First:a@example.com?secret=JBSWY3DPEHPK3PXP&issuer=First';
const SECOND = 'otpauth://totp/Second:b@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Second';

before(() => useZxingFromNodeModules());

function png(image: Pixels): Blob {
  const file = new PNG({ width: image.width, height: image.height });
  file.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new Blob([new Uint8Array(PNG.sync.write(file, { colorType: 2 }))], { type: 'image/png' });
}

const texts = (result: DecodeResult | undefined) =>
  result?.ok ? result.codes.map((c) => c.text).sort() : result?.error.code;

function results(response: WorkerResponse): DecodeResult[] {
  return response.type === 'decoded-batch' ? response.results : [response.result];
}

test('a whole image is answered from its encoded bytes, without the browser decoder', async () => {
  const serve = requestServer();
  const answer = await serve({ type: 'decode', id: 1, image: png(qrPixels(FIRST)) });
  assert.deepEqual(texts(results(answer)[0]), [FIRST]);
  // A crop needs the browser's decoder (missing here): the usual way is taken.
  const cropped = await serve({
    type: 'decode',
    id: 2,
    image: png(qrPixels(FIRST)),
    crop: { x: 0, y: 0, width: 50, height: 50 },
  });
  assert.equal(texts(results(cropped)[0]), 'invalid-image');
});

test('a page scan whose screenshot shows every code skips its crops and never decodes an image otherwise', async () => {
  const screen = solidPixels(900, 500);
  placePixels(screen, qrPixels(FIRST, { scale: 4 }), 40, 40);
  placePixels(screen, qrPixels(SECOND, { scale: 4 }), 500, 60);
  const serve = requestServer();
  const answer = await serve({
    type: 'decode-batch',
    id: 3,
    batch: {
      sources: [png(screen)],
      jobs: [
        { source: 0, at: { x: 0, y: 0, width: 0, height: 0 }, scale: 1 },
        {
          source: 0,
          crop: { x: 500, y: 60, width: 300, height: 300 },
          cropBasisWidth: 900,
          at: { x: 500, y: 60, width: 300, height: 300 },
          skipIfRead: true,
        },
      ],
    },
  });
  const [whole, crop] = results(answer);
  assert.deepEqual(texts(whole), [FIRST, SECOND].sort());
  // Skipped ("nothing new"): decoding the crop would have needed the browser and failed here.
  assert.deepEqual(crop, { ok: true, codes: [] });
});
