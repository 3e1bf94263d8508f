import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureQueue, isQuotaError } from './capture-queue.ts';

/** A fake clock: `wait` advances time instantly, so pacing is checked without sleeping. */
function clock() {
  let time = 1000;
  const waits: number[] = [];
  return {
    now: () => time,
    wait: async (ms: number) => {
      waits.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    waits,
  };
}

const QUOTA = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');

test('captures in a row are spaced by the minimum interval, in order', async () => {
  const c = clock();
  const at: number[] = [];
  const capture = captureQueue(
    async (id: number) => {
      at.push(c.now());
      return `shot ${id}`;
    },
    { spacingMs: 520, retryDelaysMs: [], now: c.now, wait: c.wait },
  );
  const shots = await Promise.all([capture(1), capture(2), capture(3)]);
  assert.deepEqual(shots, ['shot 1', 'shot 2', 'shot 3']);
  assert.deepEqual(at, [1000, 1520, 2040]);
});

test('a capture long after the last one does not wait', async () => {
  const c = clock();
  const capture = captureQueue(async () => 'shot', {
    spacingMs: 520,
    retryDelaysMs: [],
    now: c.now,
    wait: c.wait,
  });
  await capture();
  c.advance(5000);
  await capture();
  assert.deepEqual(c.waits, []);
});

test('a capture refused for the rate is retried after each delay, then succeeds', async () => {
  const c = clock();
  let calls = 0;
  const capture = captureQueue(
    async () => {
      calls++;
      if (calls < 3) throw QUOTA;
      return 'shot';
    },
    { spacingMs: 0, retryDelaysMs: [300, 550, 800], now: c.now, wait: c.wait },
  );
  assert.equal(await capture(), 'shot');
  assert.equal(calls, 3);
  assert.deepEqual(c.waits, [300, 550]);
});

test('retries end after the last delay; other errors are not retried', async () => {
  const c = clock();
  let calls = 0;
  const alwaysQuota = captureQueue(
    async () => {
      calls++;
      throw QUOTA;
    },
    { spacingMs: 0, retryDelaysMs: [300, 550], now: c.now, wait: c.wait },
  );
  await assert.rejects(alwaysQuota(), /MAX_CAPTURE/);
  assert.equal(calls, 3);

  let protectedCalls = 0;
  const refused = captureQueue(
    async () => {
      protectedCalls++;
      throw new Error('Cannot access contents of url "chrome://version/".');
    },
    { spacingMs: 0, retryDelaysMs: [300], now: c.now, wait: c.wait },
  );
  await assert.rejects(refused(), /Cannot access/);
  assert.equal(protectedCalls, 1);
});

test('a failed capture does not block the next one', async () => {
  const c = clock();
  let calls = 0;
  const capture = captureQueue(
    async () => {
      calls++;
      if (calls === 1) throw new Error('tab closed');
      return 'shot';
    },
    { spacingMs: 0, retryDelaysMs: [], now: c.now, wait: c.wait },
  );
  await assert.rejects(capture(), /tab closed/);
  assert.equal(await capture(), 'shot');
});

test('isQuotaError', () => {
  assert.equal(isQuotaError(QUOTA), true);
  assert.equal(isQuotaError(new Error('Cannot access contents')), false);
});
