import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { isRead, loadCorpus, loadPixels } from '../../../bench/corpus.ts';
import { useZxingFromNodeModules } from '../../../test/helpers/zxing-node.ts';
import { decodeQr } from './decode.ts';

// The hardest images of the shared corpus, copied into test/fixtures/qr/corpus (see its README).
const FIXTURES = 'test/fixtures/qr/corpus';

before(() => useZxingFromNodeModules());

test('reads every fixture copied from the corpus, with its exact text', async () => {
  const images = await loadCorpus(FIXTURES);
  assert.equal(images.length, 16);
  const missed: string[] = [];
  for (const image of images) {
    const result = await decodeQr(image.pixels, { opaque: true });
    const texts = result.ok ? result.codes.map((c) => c.text) : [];
    if (!isRead(image, texts)) missed.push(`${image.folder}/${image.file}: ${JSON.stringify(result)}`);
  }
  assert.deepEqual(missed, []);
});

test('a 1920×1080 page screenshot without a code gives an empty result', async () => {
  const screenshot = await loadPixels('test/fixtures/qr/generated/screenshot-no-qr-1920x1080.png');
  assert.deepEqual(await decodeQr(screenshot), { ok: true, codes: [] });
});
