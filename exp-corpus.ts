import { isRead, loadCorpus } from './bench/corpus.ts';
import { useZxingFromNodeModules } from './test/helpers/zxing-node.ts';
import { readWithZxing } from './src/core/qr/zxing-engine.ts';
import { decodeQr } from './src/core/qr/decode.ts';
useZxingFromNodeModules();
const images = await loadCorpus('../../shared/corpus');
let a = 0, b = 0, ta = 0, tb = 0, diff = 0, codesA = 0, codesB = 0;
for (const image of images) {
  let t = performance.now();
  const full = await readWithZxing(image.pixels, {});
  ta += performance.now() - t;
  t = performance.now();
  let fast = await readWithZxing(image.pixels, { tryInvert: false, tryDownscale: false });
  if (fast.length === 0) fast = await readWithZxing(image.pixels, {});
  tb += performance.now() - t;
  if (isRead(image, full.map((f) => f.text))) a++;
  if (isRead(image, fast.map((f) => f.text))) b++;
  codesA += full.length; codesB += fast.length;
  if (full.length !== fast.length) { diff++; console.log('differs', image.folder, image.file, full.length, fast.length); }
}
console.log({ n: images.length, readFull: a, readFast: b, msFull: ta.toFixed(0), msFast: tb.toFixed(0), codesA, codesB, diff });
