import type { QrEngine, QrPass } from './types.ts';

export interface Point {
  x: number;
  y: number;
}

/** A code as an engine reports it, in the coordinates of the pixels that engine was given. */
export interface Found {
  text: string;
  /** The code's corners (any order). */
  corners: Point[];
  engine: QrEngine;
  /** Set by the decoder once it knows which pass this came from. */
  pass?: QrPass;
}

/** Maps corners found in a scaled copy back to the original image (`scale` = copy / original). */
export function unscale(found: Found[], scale: number): Found[] {
  if (scale === 1) return found;
  return found.map((f) => ({ ...f, corners: f.corners.map((p) => ({ x: p.x / scale, y: p.y / scale })) }));
}
