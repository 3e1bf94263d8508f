import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecodeResult } from '../core/qr/types.ts';
import type { BatchJob } from '../shared/image-batch.ts';
import { runBatch } from './run-batch.ts';

const whole: BatchJob = { source: 0, at: { x: 0, y: 0, width: 0, height: 0 }, scale: 2 };
const element = (x: number): BatchJob => ({
  source: 0,
  crop: { x, y: 0, width: 100, height: 100 },
  cropBasisWidth: 1000,
  at: { x, y: 0, width: 100, height: 100 },
  skipIfRead: true,
});

test('an element holding a code the whole screenshot read is not decoded again; the others are, in order', async () => {
  const decoded: BatchJob[] = [];
  const answers: DecodeResult[] = [
    // At scale 2, a code at (100..140, 20..60) device px is at (50..70, 10..30) CSS px: inside element(0).
    { ok: true, codes: [{ text: 'a', bounds: { x: 100, y: 20, width: 40, height: 40 } }] },
    { ok: true, codes: [{ text: 'b' }] },
  ];
  const results = await runBatch([whole, element(0), element(500)], async (job) => {
    decoded.push(job);
    return answers[decoded.length - 1] ?? { ok: true, codes: [] };
  });
  assert.deepEqual(decoded, [whole, element(500)]);
  assert.deepEqual(results, [answers[0], { ok: true, codes: [] }, answers[1]]);
});

test('a code without bounds places nothing; a newer scan cancels what is left', async () => {
  const controller = new AbortController();
  let calls = 0;
  const results = await runBatch(
    [whole, element(0), element(500)],
    async () => {
      calls++;
      if (calls === 2) controller.abort();
      return { ok: true, codes: [{ text: 'no bounds' }] };
    },
    controller.signal,
  );
  assert.equal(calls, 2, 'element(0) is decoded: the code read before has no place on screen');
  assert.deepEqual(results[2], { ok: false, error: { code: 'cancelled' } });
});
