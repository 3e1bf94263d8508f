import type { RunFigure } from './bench-browser.ts';
import { POINTS, type Point } from './stages.ts';
import { fmt, median, ratioInterval } from './stats.ts';

export interface CaseFigures {
  name: string;
  /** A case whose click opens no popup: the name of the case it is the twin of (`--without-popup`). */
  twinOf?: string;
  /** Per build label: the warm runs, and the first (warm-up) run. */
  byBuild: Map<string, { warm: RunFigure[]; first?: RunFigure }>;
}

const mean = (values: readonly number[]) => {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
};
const ratioOf = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
const intervalOf = (mine: RunFigure[], other: RunFigure[]) => {
  const found = ratioInterval(
    mine.map((r) => r.totalMs),
    other.map((r) => r.totalMs),
  );
  return found ? `${found[0].toFixed(2)}–${found[1].toFixed(2)}` : '–';
};

/**
 * Side by side: each build's median time, new over baseline, and a 90 % interval of that ratio (the rounds
 * resampled: how much of it is the machine's noise); and the CPU time the browser used for one scan
 * (mean), new over baseline. `labels` lists the builds, the one compared against last.
 */
export function sideBySide(cases: CaseFigures[], labels: string[]): string[] {
  const [mine, other] = labels;
  const two = other !== undefined;
  const shown = two ? [other, mine] : [mine];
  const lines: string[] = [];
  lines.push(
    `${'case'.padEnd(48)}${shown.map((l) => `${l}`.padStart(10)).join('')}` +
      `${two ? '   ratio  90 % interval' : ''}` +
      `   ${shown.map((l) => `cpu ${l}`.padStart(13)).join('')}${two ? '   ratio' : ''}`,
  );
  for (const c of cases) {
    const runs = (l: string | undefined) => (l === undefined ? [] : (c.byBuild.get(l)?.warm ?? []));
    const times = shown.map((l) => median(runs(l).map((r) => r.totalMs)));
    const cpu = shown.map((l) => mean(runs(l).map((r) => r.cpuMs)));
    const bad = shown.flatMap((l) =>
      runs(l)
        .filter((r) => r.state !== 'done')
        .map((r) => `${l}: ${r.state}`),
    );
    lines.push(
      `${c.name.padEnd(48)}${times.map((m) => `${fmt(m)} ms`.padStart(10)).join('')}` +
        (two
          ? `   ${ratioOf(times[1] ?? Number.NaN, times[0] ?? Number.NaN).padStart(5)}` +
            `  ${intervalOf(runs(mine), runs(other)).padStart(13)}`
          : '') +
        `   ${cpu.map((m) => `${fmt(m)} ms`.padStart(13)).join('')}` +
        (two ? `   ${ratioOf(cpu[1] ?? Number.NaN, cpu[0] ?? Number.NaN).padStart(5)}` : '') +
        (bad.length > 0 ? `   [not done: ${[...new Set(bad)].join(', ')}]` : ''),
    );
  }
  return lines;
}

/** Where the time goes in one build: the median of each point (ms since the action) and the step before it. */
export function whereTimeGoes(cases: CaseFigures[], label: string): string[] {
  const lines: string[] = [];
  for (const c of cases) {
    const runs = c.byBuild.get(label)?.warm ?? [];
    const medianOf = (point: Point) => median(runs.map((r) => r.points[point] ?? Number.NaN));
    // In the order they happen (the decoder's start interleaves with the page's part on a first scan).
    const present = POINTS.filter(([point]) => runs.some((r) => r.points[point] !== undefined)).sort(
      ([a], [b]) => medianOf(a) - medianOf(b),
    );
    if (present.length === 0) continue;
    lines.push(`  ${c.name} (total ${fmt(median(runs.map((r) => r.totalMs)))} ms)`);
    let previous = 0;
    for (const [point, what] of present) {
      const at = medianOf(point);
      lines.push(
        `    ${point.padEnd(20)} ${fmt(at).padStart(5)} ms   +${fmt(at - previous).padStart(4)}   ${what}`,
      );
      if (Number.isFinite(at)) previous = at;
    }
  }
  return lines;
}

/**
 * `--without-popup`: for each right-click case and its twin, what the browser building the toolbar popup
 * beside the scan adds to it, per build (the difference of the medians).
 */
export function popupShare(cases: CaseFigures[], labels: string[]): string[] {
  const lines: string[] = [];
  for (const twin of cases) {
    const original = cases.find((c) => c.name === twin.twinOf);
    if (!twin.twinOf || !original) continue;
    const added = labels.map((label) => {
      const at = (c: CaseFigures) => median((c.byBuild.get(label)?.warm ?? []).map((r) => r.totalMs));
      return `${label} ${fmt(at(original))} − ${fmt(at(twin))} = ${fmt(at(original) - at(twin))} ms`;
    });
    lines.push(`  ${original.name.padEnd(48)}  ${added.join(';  ')}`);
  }
  return lines.length
    ? [
        '',
        "The toolbar popup the click opens, built beside the scan (the browser's own; median with it − without it, both timed in the window opened before the click):",
        ...lines,
      ]
    : [];
}

/** The issue's target for each case in Chromium: at most this share of the baseline build's median. */
export const TARGET_RATIO = 0.6;

/**
 * Beside the issue's target (0.6 × the baseline's median), what the browser alone takes in one build's scan,
 * per run, as two floors no build can go under:
 * - the scan's: `captureVisibleTab`'s round trip (asked to answered; the scan asks at the click), when the
 *   case has a screenshot, and then the next frame once the result was drawn;
 * - the person's: the popup the key is read in (a right-click: the toolbar popup it opens) until its HTML
 *   is parsed (domInteractive: its window made, its document loaded and parsed; none of the extension's
 *   script has run in it by then). The key cannot be in it sooner.
 * Each the median over the runs; cases that both builds ran. `labels` lists the builds, the
 * compared-against one last.
 */
export function browserAlone(cases: CaseFigures[], labels: string[]): string[] {
  const [mine, other] = labels;
  if (mine === undefined || other === undefined) return [];
  const lines: string[] = [];
  for (const c of cases) {
    const runs = c.byBuild.get(mine)?.warm ?? [];
    const base = c.byBuild.get(other)?.warm ?? [];
    if (runs.length === 0 || base.length === 0) continue;
    const target = TARGET_RATIO * median(base.map((r) => r.totalMs));
    const between = (r: RunFigure, from: Point, to: Point) => {
      const a = r.points[from];
      const b = r.points[to];
      return a === undefined || b === undefined ? undefined : b - a;
    };
    const captures = runs.map((r) => between(r, 'screenshot asked', 'screenshot taken'));
    const frames = runs.map((r) => between(r, 'popup rendered', 'popup painted'));
    if (frames.every((f) => f === undefined)) continue;
    const medianOf = (values: (number | undefined)[]) => median(values.map((x) => x ?? Number.NaN));
    const scan = median(runs.map((_, i) => (captures[i] ?? 0) + (frames[i] ?? Number.NaN)));
    const parsed = medianOf(runs.map((r) => r.points['popup parsed']));
    const hasCapture = captures.some((x) => x !== undefined);
    const over = [...(scan > target ? ['the scan'] : []), ...(parsed > target ? ['its popup'] : [])];
    lines.push(
      `  ${c.name.padEnd(48)}target ${fmt(target).padStart(4)} ms   ${mine} ${fmt(median(runs.map((r) => r.totalMs))).padStart(4)} ms` +
        `   the scan ${fmt(scan).padStart(4)} ms (${hasCapture ? `screenshot ${fmt(medianOf(captures))} ms, asked at ${fmt(medianOf(runs.map((r) => r.points['screenshot asked'])))} ms, + ` : ''}next frame ${fmt(medianOf(frames))} ms)` +
        (Number.isFinite(parsed) ? `   its popup parsed at ${fmt(parsed)} ms` : '') +
        (over.length > 0 ? `   (above the target: ${over.join(', ')})` : ''),
    );
  }
  return lines.length
    ? [
        '',
        `The issue's target (${TARGET_RATIO} × the baseline's median) beside what the browser alone takes in build ${mine} (medians):`,
        ...lines,
      ]
    : [];
}
