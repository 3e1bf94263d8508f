import type { Rect } from '../core/rect.ts';
import type { Size } from './geometry.ts';

/**
 * What the grab (injected into the page) answers the background. Plain JSON: it crosses
 * `scripting.executeScript`. Rectangles are CSS pixels of the answering frame's viewport.
 */

/** The right-clicked image. */
export type ImageGrab =
  /** Read directly: a PNG of the image, transparency already filled, with a quiet zone. */
  | { kind: 'pixels'; dataUrl: string }
  /** Not readable from the page (cross-origin without CORS): scrolled into view, to be read from a screenshot. */
  | { kind: 'on-screen'; rect: Rect; viewport: Size; scrolled: boolean }
  | { kind: 'not-found' }
  | { kind: 'broken' };

/** Everything on the page that may show a QR code. */
export interface PageGrab {
  viewport: Size;
  /** Elements read directly (canvas, inline SVG, same-origin images, video frames). */
  pixels: { dataUrl: string; rect: Rect }[];
  /** Visible elements only a screenshot can read (cross-origin images, frames, CSS backgrounds). */
  onScreen: Rect[];
}

/** Where a child frame's document is shown in this frame's viewport. */
export interface FrameGrab {
  /** The frame's content box (may reach outside the viewport); undefined when no frame has that URL. */
  box: Rect | undefined;
  viewport: Size;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return isFiniteNumber(r.x) && isFiniteNumber(r.y) && isFiniteNumber(r.width) && isFiniteNumber(r.height);
}

export function isSize(value: unknown): value is Size {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return isFiniteNumber(s.width) && isFiniteNumber(s.height) && s.width > 0 && s.height > 0;
}

export function isPngDataUrl(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('data:image/png;base64,');
}

export function isImageGrab(value: unknown): value is ImageGrab {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Record<string, unknown>;
  switch (g.kind) {
    case 'pixels':
      return isPngDataUrl(g.dataUrl);
    case 'on-screen':
      return isRect(g.rect) && isSize(g.viewport) && typeof g.scrolled === 'boolean';
    case 'not-found':
    case 'broken':
      return true;
    default:
      return false;
  }
}

export function isPageGrab(value: unknown): value is PageGrab {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Record<string, unknown>;
  return (
    isSize(g.viewport) &&
    Array.isArray(g.pixels) &&
    g.pixels.every((p: unknown) => {
      const item = p as Record<string, unknown> | null;
      return item !== null && typeof item === 'object' && isPngDataUrl(item.dataUrl) && isRect(item.rect);
    }) &&
    Array.isArray(g.onScreen) &&
    g.onScreen.every(isRect)
  );
}

export function isFrameGrab(value: unknown): value is FrameGrab {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Record<string, unknown>;
  return isSize(g.viewport) && (g.box === undefined || g.box === null || isRect(g.box));
}
