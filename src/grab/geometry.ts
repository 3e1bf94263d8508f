import type { Rect } from '../core/rect.ts';

/**
 * Pure rectangle arithmetic for the grab: where an element is on screen (CSS pixels of the top-level
 * viewport), and which pixels of a screenshot that is. No DOM: unit-tested in Node.
 */

export interface Size {
  width: number;
  height: number;
}

/** Width and height of the four sides of a box (border or padding). */
export interface Edges {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

/** The part of `rect` inside a viewport of `size` whose top-left corner is (0, 0); undefined when none. */
export function visiblePart(rect: Rect, viewport: Size): Rect | undefined {
  return intersect(rect, { x: 0, y: 0, width: viewport.width, height: viewport.height });
}

/** True when the whole of `rect` is inside the viewport. */
export function fullyVisible(rect: Rect, viewport: Size): boolean {
  return (
    rect.x >= 0 &&
    rect.y >= 0 &&
    rect.x + rect.width <= viewport.width &&
    rect.y + rect.height <= viewport.height
  );
}

/** `rect` grown by `margin` on each side (a quiet zone around a QR code), then kept inside `bounds`. */
export function grow(rect: Rect, margin: number, bounds: Rect): Rect {
  const grown = {
    x: rect.x - margin,
    y: rect.y - margin,
    width: rect.width + 2 * margin,
    height: rect.height + 2 * margin,
  };
  return intersect(grown, bounds) ?? rect;
}

/**
 * Where a frame's own viewport starts inside its parent's viewport: the `<iframe>` element's border box
 * moved in by its border and padding (the frame's document is drawn inside the content box).
 */
export function frameContentBox(iframeBox: Rect, border: Edges, padding: Edges): Rect {
  const left = border.left + padding.left;
  const top = border.top + padding.top;
  return {
    x: iframeBox.x + left,
    y: iframeBox.y + top,
    width: Math.max(0, iframeBox.width - left - border.right - padding.right),
    height: Math.max(0, iframeBox.height - top - border.bottom - padding.bottom),
  };
}

/**
 * A rectangle measured inside a frame, placed in the top-level viewport: moved by the frame's content box
 * origin and cut to that box (a frame shows nothing outside it).
 */
export function fromFrame(rect: Rect, frameBox: Rect): Rect | undefined {
  return intersect({ ...rect, x: rect.x + frameBox.x, y: rect.y + frameBox.y }, frameBox);
}

/**
 * Screenshot pixels per CSS pixel: `captureVisibleTab` returns device pixels of the whole viewport, so its
 * width over the viewport's CSS width is devicePixelRatio times page zoom, whatever either is.
 */
export function captureScale(captureWidth: number, viewportCssWidth: number): number {
  return viewportCssWidth > 0 ? captureWidth / viewportCssWidth : 1;
}

/**
 * A CSS-pixel rectangle as whole screenshot pixels: scaled, rounded outwards (never losing a module's
 * edge), and kept inside the screenshot. Undefined when nothing of it is inside.
 */
export function toCapturePixels(rect: Rect, scale: number, capture: Size): Rect | undefined {
  const x = Math.max(0, Math.floor(rect.x * scale));
  const y = Math.max(0, Math.floor(rect.y * scale));
  const right = Math.min(capture.width, Math.ceil((rect.x + rect.width) * scale));
  const bottom = Math.min(capture.height, Math.ceil((rect.y + rect.height) * scale));
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Reading order on screen: rectangles side by side (overlapping vertically by at least half the shorter
 * one's height) left to right, otherwise top to bottom. A comparator for `Array.prototype.sort`.
 */
export function readingOrder(a: Rect, b: Rect): number {
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const sameRow = overlap > 0 && overlap >= Math.min(a.height, b.height) / 2;
  if (!sameRow) return a.y - b.y || a.x - b.x;
  return a.x - b.x;
}
