import type { Pixels } from './types.ts';

/**
 * Below this spread of brightness (0–255) between the darkest and the lightest pixel, no decoder reads a
 * code: zxing's hybrid binarizer treats blocks under 24 as flat, its histogram binarizer needs two peaks 16
 * apart. Kept well under both.
 */
export const FLAT_SPREAD = 12;

/** How many pixels the check looks at, at most (evenly spread): a millisecond on any image. */
const SAMPLES = 262_144;

/**
 * True when the image shows (nearly) one brightness everywhere, so that it cannot hold a QR code: a blank
 * canvas, a solid block of colour. The decoder then answers "no code" at once instead of running every pass
 * (a page scan meets many such elements). Looks at opaque RGBA (painted over white already), or, given
 * `backdrop` (a grey level, 0 black to 255 white), at RGBA as seen over that backdrop: the page's grab asks
 * this of an element's sample before drawing it, without making a second copy of the pixels.
 */
export function isFlat({ data, width, height }: Pixels, backdrop?: number): boolean {
  const pixels = width * height;
  const step = Math.max(1, Math.floor(pixels / SAMPLES));
  let min = 255;
  let max = 0;
  for (let p = 0; p < pixels; p += step) {
    const i = p * 4;
    let y = (77 * (data[i] ?? 0) + 150 * (data[i + 1] ?? 0) + 29 * (data[i + 2] ?? 0)) >> 8;
    if (backdrop !== undefined) {
      const alpha = (data[i + 3] ?? 255) / 255;
      y = Math.round(y * alpha + backdrop * (1 - alpha));
    }
    if (y < min) min = y;
    if (y > max) max = y;
    if (max - min >= FLAT_SPREAD) return false;
  }
  return true;
}
