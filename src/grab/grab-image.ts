import { deepQueryAll } from './deep-query.ts';
import { afterPaint, drawToPng } from './draw.ts';
import { drawSize, isVectorUrl } from './draw-size.ts';
import { type Candidate, menuTargetApi, pickCandidate, targetFromMenu } from './find-target.ts';
import { fullyVisible, type Size, visiblePart } from './geometry.ts';
import type { ImageGrab } from './grab-result.ts';

/**
 * Page side of the image menu: finds the right-clicked image and reads its pixels where the browser
 * allows it (same origin, CORS-clean, data:, blob:, SVG files); otherwise scrolls it into view and says
 * where it is, for the background to read it from a screenshot.
 */
export async function grabImage(srcUrl: string, targetElementId?: number): Promise<ImageGrab> {
  const element = findImage(srcUrl, targetElementId);
  if (!element) return { kind: 'not-found' };
  if (element instanceof HTMLImageElement) {
    const loaded = await element.decode().then(
      () => true,
      () => element.complete && element.naturalWidth > 0,
    );
    if (!loaded) return { kind: 'broken' };
    const box = element.getBoundingClientRect();
    const scale = window.devicePixelRatio || 1;
    const plan = drawSize(
      { width: element.naturalWidth, height: element.naturalHeight },
      { width: box.width * scale, height: box.height * scale },
      isVectorUrl(element.currentSrc || element.src),
    );
    const png = drawToPng(element, plan);
    if (png !== 'tainted' && png !== 'empty' && png !== 'flat') return { kind: 'pixels', dataUrl: png };
  }
  return onScreen(element);
}

function viewport(): Size {
  return { width: window.innerWidth, height: window.innerHeight };
}

/** Scrolls the element into view when any of it is hidden, waits for the paint, and reports where it is. */
export async function onScreen(element: Element): Promise<ImageGrab> {
  const scrolled = !fullyVisible(element.getBoundingClientRect(), viewport());
  if (scrolled) {
    element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    await afterPaint();
  }
  const rect = visiblePart(element.getBoundingClientRect(), viewport());
  if (!rect) return { kind: 'not-found' };
  return { kind: 'on-screen', rect, viewport: viewport(), scrolled };
}

function findImage(srcUrl: string, targetElementId: number | undefined): Element | undefined {
  const target = targetFromMenu(menuTargetApi(globalThis), targetElementId);
  if (target) return target;
  const elements = deepQueryAll<HTMLImageElement | HTMLInputElement>(document, 'img, input[type=image]');
  const candidates: Candidate[] = elements.map((element) => ({
    urls: element instanceof HTMLImageElement ? [element.currentSrc, element.src] : [element.src],
    rect: element.getBoundingClientRect(),
  }));
  return elements[pickCandidate(candidates, srcUrl, viewport())];
}
