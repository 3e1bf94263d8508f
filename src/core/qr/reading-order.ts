import type { Rect } from '../rect.ts';
import type { Found } from './found.ts';
import type { QrCode } from './types.ts';

/** The axis-aligned box around a code's corners, in whole pixels. */
export function boundsOf(found: Found): Rect {
  const xs = found.corners.map((p) => p.x);
  const ys = found.corners.map((p) => p.y);
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y };
}

/**
 * One entry per distinct text (the same code read twice, or printed twice, is one result), in reading
 * order: rows from top to bottom, left to right within a row. Two codes share a row when the centre of
 * one lies within the other's vertical extent.
 */
export function inReadingOrder(found: readonly Found[]): QrCode[] {
  const seen = new Set<string>();
  const codes: QrCode[] = [];
  for (const f of found) {
    if (seen.has(f.text)) continue;
    seen.add(f.text);
    codes.push({ text: f.text, bounds: boundsOf(f), engine: f.engine, ...(f.pass && { pass: f.pass }) });
  }
  const byTop = [...codes].sort((a, b) => top(a) - top(b));
  const rows: QrCode[][] = [];
  for (const code of byTop) {
    const row = rows.find((r) => r.some((other) => sharesRow(code, other)));
    if (row) row.push(code);
    else rows.push([code]);
  }
  return rows.flatMap((row) => row.sort((a, b) => left(a) - left(b)));
}

const top = (c: QrCode) => c.bounds?.y ?? 0;
const left = (c: QrCode) => c.bounds?.x ?? 0;

function sharesRow(a: QrCode, b: QrCode): boolean {
  if (!a.bounds || !b.bounds) return false;
  const centreA = a.bounds.y + a.bounds.height / 2;
  const centreB = b.bounds.y + b.bounds.height / 2;
  const within = (c: number, r: Rect) => c >= r.y && c <= r.y + r.height;
  return within(centreA, b.bounds) || within(centreB, a.bounds);
}
