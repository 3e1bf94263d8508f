import type { StageMark } from './extension-contexts.ts';

/**
 * Where the time of one scan goes: the points of its path in order, each as ms since the person's action.
 * A point is missing when the build or the path has no mark for it (the baseline build has none).
 */
export const POINTS = [
  ['grab injected', 'grab.js is in the page (baseline-era builds: a first executeScript of the file)'],
  ['grab answered', "the grab's answer reached the background (the pixels, or where the image is on screen)"],
  ['screenshot asked', 'captureVisibleTab was called (cross-origin image, page scan: at the click)'],
  ['screenshot taken', 'captureVisibleTab returned the screenshot (cross-origin image, page scan)'],
  ['worker started', 'the decoder worker runs its script (Firefox, the popup; only when it had to start)'],
  ['wasm ready', 'zxing-wasm compiled and ready (only when the decoder had to start)'],
  ['canvas ready', 'the decoder made its canvas (only when it had to start)'],
  ['at the decoder', "the image arrived in the decoder (Chrome: the service worker's, else its worker)"],
  [
    'pixels ready',
    'the decoder has its pixels: image decoded, cropped (first image; none when zxing-wasm read the encoded image)',
  ],
  ['decoded', 'the decoder has the codes (last decode of the scan)'],
  ['back in background', 'the answer reached the scan (background, or the popup for a file)'],
  ['state written', 'storage.session holds the result'],
  [
    'popup document',
    "the popup's document starts (a right-click: the toolbar popup it opened; the browser made its window)",
  ],
  ['popup parsed', 'its HTML is parsed (domInteractive)'],
  ['popup script ran', 'its deferred script ran (DOMContentLoaded ended)'],
  ['popup first paint', 'its first paint (first-contentful-paint)'],
  ['popup rendered', 'the popup drew the result (its data-state changed)'],
  ['popup painted', 'the next frame of the popup was painted'],
] as const;

export type Point = (typeof POINTS)[number][0];

export type Breakdown = Partial<Record<Point, number>>;

const first = (marks: StageMark[], stage: string) =>
  marks
    .filter((m) => m.stage === stage)
    .reduce<number | undefined>((a, m) => (a === undefined ? m.at : Math.min(a, m.at)), undefined);
const last = (marks: StageMark[], stage: string) =>
  marks
    .filter((m) => m.stage === stage)
    .reduce<number | undefined>((a, m) => (a === undefined ? m.at : Math.max(a, m.at)), undefined);

/** The points of one scan from its marks (those at or after `start`) and the popup's times. */
export function breakdown(
  start: number,
  allMarks: StageMark[],
  popup: {
    rendered?: number;
    painted?: number;
    document?: number;
    parsed?: number;
    scriptRan?: number;
    firstPaint?: number;
  },
): Breakdown {
  const marks = allMarks.filter((m) => m.at >= start - 1);
  const since = (at: number | undefined) => (at === undefined ? undefined : at - start);
  const result: Breakdown = {};
  const set = (point: Point, at: number | undefined) => {
    const value = since(at);
    if (value !== undefined) result[point] = value;
  };
  set('grab injected', first(marks, 'grab-injected'));
  set('grab answered', first(marks, 'grabbed'));
  set('screenshot asked', first(marks, 'capture-asked'));
  set('screenshot taken', first(marks, 'screenshot'));
  set('worker started', first(marks, 'worker-started'));
  set('wasm ready', first(marks, 'wasm-ready'));
  set('canvas ready', first(marks, 'canvas-ready'));
  set('at the decoder', first(marks, 'decoder-received'));
  set('pixels ready', first(marks, 'pixels-ready'));
  set('decoded', last(marks, 'decoder-answered'));
  set('back in background', last(marks, 'decoded'));
  set('state written', last(marks, 'state-written'));
  set('popup document', popup.document);
  set('popup parsed', popup.parsed);
  set('popup script ran', popup.scriptRan);
  set('popup first paint', popup.firstPaint);
  set('popup rendered', popup.rendered);
  set('popup painted', popup.painted);
  return result;
}
