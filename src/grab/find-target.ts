import type { Rect } from '../core/rect.ts';
import { type Size, visiblePart } from './geometry.ts';

/**
 * Which element the person right-clicked. Firefox says it exactly (`menus.getTargetElement`); Chrome only
 * gives the image's URL, so the element is looked up by it. Pure parts are unit-tested in Node.
 */

/** Firefox's `menus.getTargetElement`, as seen from a content script. */
export interface MenuTargetApi {
  getTargetElement(targetElementId: number): Element | null;
}

/** The API where the browser has it (Firefox), otherwise undefined (Chrome). */
export function menuTargetApi(scope: unknown): MenuTargetApi | undefined {
  const browser = (scope as { browser?: { menus?: Partial<MenuTargetApi> } } | undefined)?.browser;
  const getTargetElement = browser?.menus?.getTargetElement;
  if (typeof getTargetElement !== 'function') return undefined;
  return { getTargetElement: (id) => getTargetElement.call(browser?.menus, id) ?? null };
}

/** The element the menu was opened on, when the browser can tell (Firefox, within a few seconds of the click). */
export function targetFromMenu(
  api: MenuTargetApi | undefined,
  targetElementId: number | undefined,
): Element | undefined {
  if (!api || targetElementId === undefined) return undefined;
  try {
    return api.getTargetElement(targetElementId) ?? undefined;
  } catch {
    return undefined;
  }
}

/** An element that may be the clicked image: the URLs it shows and where it is. */
export interface Candidate {
  urls: readonly string[];
  rect: Rect;
}

/** Two URLs name the same image: equal, or equal once percent-encoding is normalised. */
export function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return decodeURI(a) === decodeURI(b);
  } catch {
    return false;
  }
}

/**
 * The index of the clicked image among `candidates` showing `srcUrl`: the one with the largest visible area
 * (the person clicked something on screen), else the first match; -1 when none shows that URL.
 */
export function pickCandidate(candidates: readonly Candidate[], srcUrl: string, viewport: Size): number {
  let best = -1;
  let bestArea = -1;
  candidates.forEach((candidate, index) => {
    if (!candidate.urls.some((url) => url !== '' && sameUrl(url, srcUrl))) return;
    const visible = visiblePart(candidate.rect, viewport);
    const area = visible ? visible.width * visible.height : 0;
    if (area > bestArea) {
      best = index;
      bestArea = area;
    }
  });
  return best;
}
