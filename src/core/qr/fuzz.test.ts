import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCorpus } from '../../../bench/corpus.ts';
import { qrPixels } from '../../../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../../../test/helpers/zxing-node.ts';
import { imageSize } from '../../worker/image-size.ts';
import { decodeQr } from './decode.ts';
import { resize, toLuma, toRgba } from './luma.ts';
import type { DecodeResult, Pixels } from './types.ts';

// Issue 7's fuzzing: 10,000 generated inputs into the decoder (random pixel buffers, random and wrong
// sizes, mutated real images), small so the run stays short. Seeded: a failure reproduces.
const RUNS = { random: 3500, shapes: 2500, mutated: 4000, headers: 3000 };
const CODES = new Set(['invalid-image', 'image-too-large', 'decoder-failed', 'timeout', 'cancelled']);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = prng(20261128);
const int = (max: number) => Math.floor(next() * max);

function randomPixels(): Pixels {
  const width = 1 + int(48);
  const height = 1 + int(48);
  const data = new Uint8ClampedArray(width * height * 4);
  const blocky = next() < 0.5;
  for (let p = 0; p < data.length; p++) data[p] = blocky ? (int(2) ? 255 : 0) : int(256);
  return { data, width, height };
}

function randomShape(): Pixels {
  const pick = <T>(values: T[]) => values[int(values.length)] as T;
  const width = pick([0, -1, 1, 3, 17, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 16385, 70000, 2 ** 31]);
  const height = pick([0, -5, 1, 2, 9, 1.5, Number.NaN, 16385, 8000]);
  const length = pick([0, 1, 4, 12, 36, 64, 4 * 17 * 9]);
  return { data: new Uint8ClampedArray(length), width, height };
}

function mutate(source: Pixels): Pixels {
  let image: Pixels = { ...source, data: source.data.slice() };
  const kind = int(5);
  if (kind === 0) {
    for (let i = int(200); i >= 0; i--) image.data[int(image.data.length)] = int(256);
  } else if (kind === 1) {
    const row = image.width * 4;
    const y = int(image.height);
    image.data.fill(int(2) ? 0 : 255, y * row, Math.min(image.data.length, (y + 1 + int(8)) * row));
  } else if (kind === 2) {
    const x0 = int(image.width);
    const y0 = int(image.height);
    const width = 1 + int(image.width - x0);
    const height = 1 + int(image.height - y0);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      const from = ((y0 + y) * image.width + x0) * 4;
      data.set(image.data.subarray(from, from + width * 4), y * width * 4);
    }
    image = { data, width, height };
  } else if (kind === 3) {
    for (let p = 3; p < image.data.length; p += 4) image.data[p] = int(256);
  } else {
    const l = toLuma(image);
    image = toRgba(resize(l, 1 + int(96), 1 + int(96)));
  }
  return image;
}

function assertTyped(result: DecodeResult, label: string): void {
  if (result.ok) {
    assert.ok(Array.isArray(result.codes), label);
    for (const code of result.codes) assert.equal(typeof code.text, 'string', label);
  } else {
    assert.ok(CODES.has(result.error.code), `${label}: ${JSON.stringify(result)}`);
  }
}

before(() => useZxingFromNodeModules());

test('10,000 generated inputs: every one ends in a typed result, memory stays bounded', {
  timeout: 600_000,
}, async () => {
  // Real images, shrunk to at most 96 px a side so each decode is short.
  const real = (await loadCorpus('test/fixtures/qr/corpus')).map(({ pixels }) => {
    const s = Math.min(1, 96 / Math.max(pixels.width, pixels.height));
    return toRgba(resize(toLuma(pixels), pixels.width * s, pixels.height * s));
  });
  real.push(qrPixels('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP', { scale: 2, margin: 2 }));
  await decodeQr(real[0] as Pixels);
  const rssBefore = process.memoryUsage().rss;
  let decoded = 0;
  const run = async (image: Pixels, label: string) => {
    assertTyped(await decodeQr(image), label);
    decoded++;
  };
  for (let i = 0; i < RUNS.random; i++) await run(randomPixels(), `random #${i}`);
  for (let i = 0; i < RUNS.shapes; i++) await run(randomShape(), `shape #${i}`);
  for (let i = 0; i < RUNS.mutated; i++) await run(mutate(real[i % real.length] as Pixels), `mutated #${i}`);
  assert.equal(decoded, 10_000);
  const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  assert.ok(grownMb < 200, `resident memory grew by ${grownMb.toFixed(0)} MB`);
});

test('3,000 mutated and random file headers: the size reader never throws', async () => {
  const headers = [
    [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0,
      1, 0,
    ],
    [
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 17,
      8,
    ],
    [
      0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x58, 10, 0, 0, 0, 0, 0,
      0, 0,
    ],
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 10, 0],
    [0x42, 0x4d],
  ];
  for (let i = 0; i < RUNS.headers; i++) {
    const base = headers[i % headers.length] as number[];
    const bytes = new Uint8Array(int(4) === 0 ? int(64) : base.length + int(40));
    bytes.set(base.slice(0, bytes.length));
    for (let k = base.length; k < bytes.length; k++) bytes[k] = int(256);
    for (let m = int(4); m > 0; m--) bytes[int(bytes.length)] = int(256);
    const size = imageSize(bytes);
    if ('width' in size) assert.ok(Number.isInteger(size.width) && size.width >= 0 && size.height >= 0);
  }
});
