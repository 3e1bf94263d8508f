import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunFigure } from './bench-browser.ts';
import { browserAlone, type CaseFigures, popupShare } from './report.ts';

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

const withPoints = (totalMs: number, points: RunFigure['points']): RunFigure => ({
  totalMs,
  state: 'done',
  points,
  cpuMs: 0,
});

test("the scan's floor is the screenshot round trip plus the next frame, beside 0.6 × the baseline", () => {
  const cross: CaseFigures = {
    name: 'image, cross origin',
    byBuild: new Map([
      [
        'new',
        {
          warm: [
            withPoints(90, {
              'screenshot asked': 1,
              'screenshot taken': 56,
              'popup rendered': 82,
              'popup painted': 90,
            }),
            withPoints(80, {
              'screenshot asked': 2,
              'screenshot taken': 50,
              'popup rendered': 76,
              'popup painted': 80,
            }),
            withPoints(100, {
              'screenshot asked': 1,
              'screenshot taken': 61,
              'popup rendered': 90,
              'popup painted': 100,
            }),
          ],
        },
      ],
      ['baseline', { warm: runs(90, 100, 95) }],
    ]),
  };
  const lines = browserAlone([cross], ['new', 'baseline']);
  assert.equal(lines.length, 3);
  // Sums per run: 55 + 8, 48 + 4, 60 + 10; their median 63 is above 0.6 × 95 = 57.
  assert.match(
    lines[2] ?? '',
    /target {3}57 ms {3}new {3}90 ms {3}the scan {3}63 ms \(screenshot 55 ms, asked at 1 ms, \+ next frame 8 ms\) {3}\(above the target: the scan\)$/,
  );
});

test('without a screenshot the scan is the next frame, and a case under its target says nothing more', () => {
  const same: CaseFigures = {
    name: 'image, same origin',
    byBuild: new Map([
      ['new', { warm: [withPoints(40, { 'popup rendered': 33, 'popup painted': 40 })] }],
      ['baseline', { warm: runs(80) }],
    ]),
  };
  const [, , line] = browserAlone([same], ['new', 'baseline']);
  assert.match(line ?? '', /target {3}48 ms {3}new {3}40 ms {3}the scan {4}7 ms \(next frame 7 ms\)$/);
});

test('one build alone has no target to show', () => {
  assert.deepEqual(browserAlone(twins(), ['new']), []);
});

test('the popup parsed after the target is named as over it, even when the scan is under it', () => {
  const same: CaseFigures = {
    name: 'image, same origin',
    byBuild: new Map([
      [
        'new',
        {
          warm: [
            withPoints(50, { 'popup parsed': 100, 'popup rendered': 44, 'popup painted': 50 }),
            withPoints(46, { 'popup parsed': 90, 'popup rendered': 42, 'popup painted': 46 }),
          ],
        },
      ],
      ['baseline', { warm: runs(130, 140) }],
    ]),
  };
  const [, , line] = browserAlone([same], ['new', 'baseline']);
  // Target 0.6 × 135 = 81; the scan 5 ms; the popup parsed at 95 ms.
  assert.match(
    line ?? '',
    /target {3}81 ms {3}new {3}48 ms {3}the scan {4}5 ms \(next frame 5 ms\) {3}its popup parsed at 95 ms {3}\(above the target: its popup\)$/,
  );
});
