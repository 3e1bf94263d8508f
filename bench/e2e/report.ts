import type { RunFigure } from './bench-browser.ts';
import { POINTS, type Point } from './stages.ts';
import { fmt, median } from './stats.ts';

export interface CaseFigures {
  name: string;
  /** Per build label: the warm runs, and the first (warm-up) run. */
  byBuild: Map<string, { warm: RunFigure[]; first?: RunFigure }>;
}

/** Side by side: each build's median, and new over baseline. */
export function sideBySide(cases: CaseFigures[], labels: string[]): string[] {
  const lines: string[] = [];
  const head = `${'case'.padEnd(48)}${labels.map((l) => l.padStart(11)).join('')}${labels.length > 1 ? '   ratio' : ''}`;
  lines.push(head);
  for (const c of cases) {
    const medians = labels.map((l) => median((c.byBuild.get(l)?.warm ?? []).map((r) => r.totalMs)));
    const ratio = medians.length > 1 ? (medians[0] ?? Number.NaN) / (medians[1] ?? Number.NaN) : Number.NaN;
    const bad = labels.flatMap((l) =>
      (c.byBuild.get(l)?.warm ?? []).filter((r) => r.state !== 'done').map((r) => `${l}: ${r.state}`),
    );
    lines.push(
      `${c.name.padEnd(48)}${medians.map((m) => `${fmt(m)} ms`.padStart(11)).join('')}` +
        (labels.length > 1 ? `   ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'}` : '') +
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
