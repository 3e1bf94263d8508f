import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { placePixels, qrPixels, solidPixels } from '../../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../../test/helpers/zxing-node.ts';
import { decodeQr } from '../core/qr/decode.ts';
import type { DecodeResult, Pixels, QrCode } from '../core/qr/types.ts';
import { FrameReader, THOROUGH_EVERY } from './frame-reader.ts';

const OTP = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

before(() => useZxingFromNodeModules());

function frame(width = 1280, height = 720, grey = 128): Pixels {
  return solidPixels(width, height, [grey, grey, grey, 255]);
}

/** A decoder whose answers the test releases one by one, recording what it was given. */
function controlledDecoder() {
  const calls: { pixels: Pixels; thorough: boolean; answer: (result: DecodeResult) => void }[] = [];
  const decode = (pixels: Pixels, thorough: boolean) =>
    new Promise<DecodeResult>((answer) => {
      calls.push({ pixels, thorough, answer });
    });
  return { calls, decode };
}

const nothing: DecodeResult = { ok: true, codes: [] };
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('one frame at a time: frames offered while one is decoded are skipped, not queued', async () => {
  const { calls, decode } = controlledDecoder();
  const reader = new FrameReader(decode, () => assert.fail('no code'));
  let grabs = 0;
  const grab = () => {
    grabs++;
    return frame(64, 48);
  };
  assert.equal(reader.offer(grab), true);
  assert.equal(reader.offer(grab), false);
  assert.equal(reader.offer(grab), false);
  assert.equal(grabs, 1, 'a skipped frame is never even grabbed');
  assert.equal(calls.length, 1);
  assert.deepEqual(reader.counts, { offered: 3, skipped: 2, read: 0 });
  calls[0]?.answer(nothing);
  await settle();
  assert.equal(calls.length, 2, 'the whole picture after the aiming frame');
  assert.equal(reader.offer(grab), false, 'still busy with the whole picture');
  calls[1]?.answer(nothing);
  await settle();
  assert.equal(reader.isBusy, false);
  assert.equal(reader.counts.read, 1);
  assert.equal(reader.offer(grab), true);
});

test('the aiming frame first, then the whole picture', async () => {
  const { calls, decode } = controlledDecoder();
  const reader = new FrameReader(decode, () => undefined);
  reader.offer(() => frame(1280, 720));
  assert.deepEqual([calls[0]?.pixels.width, calls[0]?.pixels.height], [576, 576]);
  calls[0]?.answer(nothing);
  await settle();
  assert.deepEqual([calls[1]?.pixels.width, calls[1]?.pixels.height], [1280, 720]);
});

test('one frame in THOROUGH_EVERY is read with every pass, both its attempts; the others with the first pass', async () => {
  const { calls, decode } = controlledDecoder();
  const reader = new FrameReader(decode, () => undefined);
  const pattern: boolean[] = [];
  for (let f = 0; f < 2 * THOROUGH_EVERY; f++) {
    reader.offer(() => frame(64, 48));
    for (let attempt = 0; attempt < 2; attempt++) {
      const call = calls[calls.length - 1];
      if (attempt === 0) pattern.push(call?.thorough ?? false);
      else
        assert.equal(
          call?.thorough,
          pattern[pattern.length - 1],
          'the whole picture as thorough as its crop',
        );
      call?.answer(nothing);
      await settle();
    }
  }
  assert.deepEqual(
    pattern,
    pattern.map((_, f) => f % THOROUGH_EVERY === THOROUGH_EVERY - 1),
  );
  assert.equal(pattern.filter(Boolean).length, 2);
});

test('a code in the aiming frame ends the reading: reported once, bounds in frame pixels, nothing more decoded', async () => {
  const { calls, decode } = controlledDecoder();
  const found: QrCode[][] = [];
  const reader = new FrameReader(decode, (codes) => found.push(codes));
  reader.offer(() => frame());
  calls[0]?.answer({ ok: true, codes: [{ text: OTP, bounds: { x: 10, y: 20, width: 100, height: 100 } }] });
  await settle();
  assert.deepEqual(found, [[{ text: OTP, bounds: { x: 362, y: 92, width: 100, height: 100 } }]]);
  assert.equal(calls.length, 1, 'the whole picture is not read after a find');
  assert.equal(
    reader.offer(() => frame()),
    false,
  );
  assert.equal(calls.length, 1);
});

test('a decoder error on one attempt is not the end: the next attempt and frame go on', async () => {
  const { calls, decode } = controlledDecoder();
  const found: string[] = [];
  const reader = new FrameReader(decode, (codes) => found.push(...codes.map((c) => c.text)));
  reader.offer(() => frame(64, 48));
  calls[0]?.answer({ ok: false, error: { code: 'timeout' } });
  await settle();
  calls[1]?.answer({ ok: false, error: { code: 'decoder-failed' } });
  await settle();
  reader.offer(() => frame(64, 48));
  calls[2]?.answer({ ok: true, codes: [{ text: 'hello' }] });
  await settle();
  assert.deepEqual(found, ['hello']);
});

test('after stop, a decode under way reports nothing and no frame is taken', async () => {
  const { calls, decode } = controlledDecoder();
  const reader = new FrameReader(decode, () => assert.fail('stopped'));
  reader.offer(() => frame(64, 48));
  reader.stop();
  calls[0]?.answer({ ok: true, codes: [{ text: 'late' }] });
  await settle();
  assert.equal(calls.length, 1);
  assert.equal(
    reader.offer(() => frame(64, 48)),
    false,
  );
});

test('a frame without pixels yet (video not started) is not taken', () => {
  const reader = new FrameReader(
    () => Promise.resolve(nothing),
    () => undefined,
  );
  assert.equal(
    reader.offer(() => undefined),
    false,
  );
  assert.equal(
    reader.offer(() => frame(0, 0)),
    false,
  );
  assert.equal(reader.isBusy, false);
});

/** The real decoder, through a copy (the worker would receive the buffer transferred). */
async function readWithRealDecoder(image: Pixels): Promise<string[]> {
  const reader = new FrameReader(
    (pixels, thorough) => decodeQr(pixels, thorough ? {} : { budgetMs: 0 }),
    (codes) => found.push(...codes.map((c) => c.text)),
  );
  const found: string[] = [];
  reader.offer(() => image);
  while (reader.isBusy) await settle();
  return found;
}

test('with the real decoder: a code held inside the aiming frame is read', async () => {
  assert.deepEqual(await readWithRealDecoder(placePixels(frame(), qrPixels(OTP, { scale: 4 }), 500, 200)), [
    OTP,
  ]);
});

test('with the real decoder: a code outside the aiming frame is read from the whole picture', async () => {
  assert.deepEqual(await readWithRealDecoder(placePixels(frame(), qrPixels(OTP, { scale: 3 }), 5, 5)), [OTP]);
});

test('with the real decoder: an inverted code (light on dark, as in a dark-mode app) is read', async () => {
  const inverted = qrPixels(OTP, { scale: 4, dark: [240, 240, 240, 255], light: [20, 20, 20, 255] });
  assert.deepEqual(await readWithRealDecoder(placePixels(frame(), inverted, 480, 150)), [OTP]);
});

test('with the real decoder: a frame without a code gives nothing', async () => {
  const noisy = frame();
  let state = 11;
  for (let p = 0; p < noisy.data.length; p += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    const v = state >>> 24;
    noisy.data.set([v, v, v, 255], p);
  }
  assert.deepEqual(await readWithRealDecoder(noisy), []);
});

test('a code that is not new (a part of the export already read) is looked past: reading goes on', async () => {
  const { calls, decode } = controlledDecoder();
  const reported: QrCode[][] = [];
  const known = new Set(['part 1']);
  const reader = new FrameReader(
    decode,
    (codes) => reported.push(codes),
    (codes) => codes.some((code) => !known.has(code.text)),
  );
  const grab = () => frame(64, 48);
  assert.equal(reader.offer(grab), true);
  calls[0]?.answer({ ok: true, codes: [{ text: 'part 1' }] });
  await settle();
  assert.deepEqual(reported, [], 'the part already read is not reported');
  assert.equal(reader.isBusy, false, 'and the next frame is taken');
  assert.equal(reader.offer(grab), true);
  calls[calls.length - 1]?.answer({ ok: true, codes: [{ text: 'part 2' }] });
  await settle();
  assert.deepEqual(reported, [[{ text: 'part 2' }]]);
  assert.equal(reader.offer(grab), false, 'the first new code ends the reading');
});
