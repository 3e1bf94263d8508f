import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, ratioInterval } from './stats.ts';

test('median of an odd and an even count, ignoring what is not a number', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2, Number.NaN]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('two builds that take the same time: the interval holds 1 and is narrow', () => {
  const rounds = [60, 62, 58, 61, 59, 63, 60, 61, 62, 58];
  const interval = ratioInterval(rounds, [...rounds]);
  assert.ok(interval);
  assert.deepEqual(interval, [1, 1]);
});

test('a build clearly twice as fast: the whole interval is near 0.5', () => {
  const baseline = [100, 104, 98, 110, 102, 99, 101, 107, 97, 103];
  const mine = baseline.map((b) => b / 2 + (b % 3));
  const [lo, hi] = ratioInterval(mine, baseline) ?? [Number.NaN, Number.NaN];
  assert.ok(lo <= hi);
  assert.ok(lo > 0.45 && hi < 0.56, `interval ${lo}–${hi}`);
});

test('noisy rounds widen the interval around the ratio of the medians', () => {
  const baseline = [80, 140, 75, 90, 160, 85, 78, 150, 82, 95];
  const mine = [60, 70, 110, 58, 62, 120, 65, 59, 100, 61];
  const [lo, hi] = ratioInterval(mine, baseline) ?? [Number.NaN, Number.NaN];
  const ratio = median(mine) / median(baseline);
  assert.ok(lo <= ratio && ratio <= hi, `${ratio} in ${lo}–${hi}`);
  assert.ok(hi - lo > 0.2, `a wide interval, got ${lo}–${hi}`);
});

test('the same figures give the same interval; too few rounds give none', () => {
  const a = [61, 55, 70, 58, 64, 59];
  const b = [80, 92, 77, 85, 88, 79];
  assert.deepEqual(ratioInterval(a, b), ratioInterval(a, b));
  assert.equal(ratioInterval([1, 2, 3], [1, 2, 3]), undefined);
});
