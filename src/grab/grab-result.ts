import type { Rect } from '../shared/geometry.ts';

/** What the function injected into the page answers. Plain JSON: it crosses `scripting.executeScript`. */
export type GrabResult =
  | { ok: true; dataUrl: string }
  | {
      ok: false;
      reason: 'not-found' | 'broken' | 'tainted';
      /** For `tainted`: where the element is in the viewport (CSS pixels) and the viewport's width. */
      rect?: Rect;
      viewportWidth?: number;
    };

export function isGrabResult(value: unknown): value is GrabResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; dataUrl?: unknown; reason?: unknown };
  if (result.ok === true)
    return typeof result.dataUrl === 'string' && result.dataUrl.startsWith('data:image/');
  return result.ok === false && typeof result.reason === 'string';
}
