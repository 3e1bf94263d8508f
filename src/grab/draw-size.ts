import type { Size } from './geometry.ts';

/**
 * How large the grab draws an image it can read directly. Pure: unit-tested in Node.
 *
 * - Never fewer pixels than the person sees: at least the element's size on screen in device pixels.
 * - At most {@link DRAW_MAX_SIDE} a side beyond that: a QR code needs about 3 pixels a module, and the
 *   largest (version 40, 177 modules plus a 4-module quiet zone) fits in 555 pixels, so 1024 still reads
 *   a version-40 code that fills more than half the image's width, and an enrolment code (versions 3–10,
 *   at most 65 modules with its quiet zone: 195 pixels) that fills a fifth of it. A 6000 px image would
 *   otherwise cost a 144 MB canvas in the page, a multi-megabyte PNG through messaging and seconds of
 *   decoding; at 2048 a side its drawing, encoding and decoding took 100 ms more than at 1024 (bench:e2e).
 * - Vector images (SVG) have no natural pixel size worth keeping: drawn at {@link VECTOR_SIDE} or the size
 *   on screen, whichever is larger.
 * - Tiny raster images are enlarged by a whole factor without smoothing (each pixel becomes a clean
 *   square), so a 2-pixel module becomes 8 or 10 and finder patterns stay sharp.
 */
export const DRAW_MAX_SIDE = 1024;
/**
 * Absolute ceiling, even for an element shown larger than {@link DRAW_MAX_SIDE} device pixels: with its
 * quiet zone (10 % more) a 2600 px square stays within the decoder's first pass (3840 × 2160 pixels,
 * src/core/qr/limits.ts), which would otherwise shrink it again.
 */
export const DRAW_HARD_MAX_SIDE = 2600;
export const VECTOR_SIDE = 1024;
/** Raster images whose longer side is below this are enlarged by a whole factor. */
export const SMALL_SIDE = 400;

export interface DrawPlan extends Size {
  /** False for a whole-factor enlargement: nearest-neighbour keeps module edges sharp. */
  smooth: boolean;
}

export function drawSize(natural: Size, onScreenDevicePx: Size, vector: boolean): DrawPlan {
  const screenSide = Math.max(onScreenDevicePx.width, onScreenDevicePx.height);
  const naturalOk = natural.width > 0 && natural.height > 0;
  const base: Size = naturalOk ? natural : onScreenDevicePx;
  const baseSide = Math.max(base.width, base.height);
  if (baseSide <= 0) return { width: 0, height: 0, smooth: true };
  const cap = Math.min(DRAW_HARD_MAX_SIDE, Math.max(DRAW_MAX_SIDE, screenSide));
  if (vector || !naturalOk) {
    const side = Math.min(cap, Math.max(VECTOR_SIDE, screenSide));
    return fit(base, side / baseSide, true);
  }
  if (baseSide > cap) return fit(base, cap / baseSide, true);
  if (baseSide < SMALL_SIDE) {
    const factor = Math.max(1, Math.floor(SMALL_SIDE / baseSide));
    return { width: base.width * factor, height: base.height * factor, smooth: factor === 1 };
  }
  return { width: base.width, height: base.height, smooth: true };
}

function fit(size: Size, factor: number, smooth: boolean): DrawPlan {
  return {
    width: Math.max(1, Math.round(size.width * factor)),
    height: Math.max(1, Math.round(size.height * factor)),
    smooth,
  };
}

/** A light quiet zone added around a drawn image: codes printed edge to edge still decode. */
export function quietZone(size: Size): number {
  return Math.max(8, Math.round(Math.max(size.width, size.height) * 0.05));
}

/** True when the URL names an SVG image (file extension or data: type). */
export function isVectorUrl(url: string): boolean {
  return /^data:image\/svg\+xml[;,]/i.test(url) || /\.svgz?(?:[?#]|$)/i.test(url);
}
