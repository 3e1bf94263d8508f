import type { Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';

/** Share of the picture's shorter side the aiming frame covers (the square drawn over the picture). */
export const AIM_SHARE = 0.8;

/** The aiming frame: a centred square, `share` of the shorter side, in the frame's pixels. */
export function aimRect(width: number, height: number, share = AIM_SHARE): Rect {
  const side = Math.max(1, Math.min(width, height, Math.round(Math.min(width, height) * share)));
  return {
    x: Math.floor((width - side) / 2),
    y: Math.floor((height - side) / 2),
    width: side,
    height: side,
  };
}

/** A copy of `rect` of the frame (clipped to it), as pixels of their own: the frame itself is untouched. */
export function cropPixels(frame: Pixels, rect: Rect): Pixels {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(frame.width, Math.floor(rect.x + rect.width));
  const y1 = Math.min(frame.height, Math.floor(rect.y + rect.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const start = ((y0 + y) * frame.width + x0) * 4;
    data.set(frame.data.subarray(start, start + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/** Moves bounds found in a crop back into the whole frame's pixels. */
export function offsetRect(rect: Rect, by: { x: number; y: number }): Rect {
  return { ...rect, x: rect.x + by.x, y: rect.y + by.y };
}
