import type { QrMatrix } from './encode.ts';

/** The light margin around a QR code, in modules: 4, as the QR standard asks and CONTRACT.md fixes. */
export const QR_QUIET_ZONE = 4;

/** A dark rectangle in module units, the quiet zone included (0,0 is the top-left of the margin). */
export interface QrRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Side of the drawn code in modules, quiet zone included: the SVG `viewBox` is `0 0 side side`. */
export function qrSide(matrix: QrMatrix): number {
  return matrix.size + 2 * QR_QUIET_ZONE;
}

/** Every run of dark modules in a row as one rectangle, one module high, for a canvas `fillRect`. */
export function qrDarkRects(matrix: QrMatrix): QrRect[] {
  const rects: QrRect[] = [];
  const { size, modules } = matrix;
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (modules[y * size + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[y * size + x] === 1) x++;
      rects.push({ x: start + QR_QUIET_ZONE, y: y + QR_QUIET_ZONE, width: x - start, height: 1 });
    }
  }
  return rects;
}

/**
 * An SVG path `d` of the dark modules, for `<svg viewBox="0 0 side side"><path d="…"/></svg>` over a
 * light background (`side` from `qrSide`, the quiet zone included). Draw it with
 * `shape-rendering="crispEdges"` so no seams show between runs.
 */
export function qrSvgPath(matrix: QrMatrix): string {
  return qrDarkRects(matrix)
    .map((r) => `M${r.x} ${r.y}h${r.width}v1h-${r.width}z`)
    .join('');
}
