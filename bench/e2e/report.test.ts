import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunFigure } from './bench-browser.ts';
import { type CaseFigures, popupShare } from './report.ts';

const runs = (...totals: number[]): RunFigure[] =>
  totals.map((totalMs) => ({ totalMs, state: 'done', points: {}, cpuMs: 0 }));

const twins = (): CaseFigures[] => [
  {
    name: 'image, same origin',
    byBuild: new Map([
      ['new', { warm: runs(60, 70, 65) }],
      ['baseline', { warm: runs(90, 80, 100) }],
    ]),
  },
  {
    name: '  └ the same, no popup opened',
    twinOf: 'image, same origin',
    byBuild: new Map([
      ['new', { warm: runs(30, 25, 35) }],
      ['baseline', { warm: runs(40, 45, 50) }],
    ]),
  },
];

test("the popup's share is each build's median with the popup minus its median without", () => {
  const lines = popupShare(twins(), ['new', 'baseline']);
  assert.equal(lines.length, 3);
  assert.match(lines[2] ?? '', /^ {2}image, same origin +new 65 − 30 = 35 ms; {2}baseline 90 − 45 = 45 ms$/);
});

test('without twins there is no popup share to print', () => {
  const [original] = twins();
  assert.deepEqual(popupShare(original ? [original] : [], ['new', 'baseline']), []);
});
