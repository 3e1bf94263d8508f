import { random as seeded } from '../synthetic.ts';

/** Median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)}` : '–');

/**
 * How far the ratio median(mine) / median(other) can be trusted: a 90 % interval from resampling the rounds
 * (2000 times). Round k of both builds is kept together, as the bench ran them side by side: a burst of load
 * that slowed both counts once. Undefined with fewer than 4 paired rounds.
 */
export function ratioInterval(
  mine: readonly number[],
  other: readonly number[],
  resamples = 2000,
): [number, number] | undefined {
  const pairs = mine
    .map((m, i) => [m, other[i] ?? Number.NaN] as const)
    .filter(([m, o]) => Number.isFinite(m) && Number.isFinite(o));
  if (pairs.length < 4) return undefined;
  const random = seeded(pairs.length * 7919 + Math.round(median(mine) * 31 + median(other)));
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const [m, o] = pairs[Math.floor(random() * pairs.length)] ?? [Number.NaN, Number.NaN];
      a.push(m);
      b.push(o);
    }
    ratios.push(median(a) / median(b));
  }
  ratios.sort((x, y) => x - y);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] ?? Number.NaN;
  return [at(0.05), at(0.95)];
}
