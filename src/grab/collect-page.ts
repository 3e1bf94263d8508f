import type { Rect } from '../core/rect.ts';
import { deepQueryAll } from './deep-query.ts';
import { drawToPng, svgImage } from './draw.ts';
import { drawSize, isVectorUrl } from './draw-size.ts';
import { grow, type Size, visiblePart } from './geometry.ts';
import type { PageGrab } from './grab-result.ts';

/** Elements smaller than this (CSS pixels, either side) cannot show a readable QR code. */
const MIN_SIDE = 24;
/** At most this many elements are read directly, and at most this many cut from the screenshot. */
const MAX_PIXELS = 10;
const MAX_ON_SCREEN = 8;
/** Elements whose CSS background is looked at, at most (computed styles cost time on huge pages). */
const MAX_STYLED = 4000;

interface Found {
  element: Element;
  rect: Rect;
}

/**
 * Page side of the page menu: every visible element that may show a QR code. Canvas, inline SVG,
 * same-origin images and video frames are read directly (sharper than the screen when scaled down by CSS);
 * what only a screenshot can read (cross-origin images and videos, frames, CSS backgrounds) is listed by
 * where it is, for the background to cut it from the screenshot of the viewport it reads as a whole anyway.
 */
export async function collectPage(): Promise<PageGrab> {
  const viewport: Size = { width: window.innerWidth, height: window.innerHeight };
  const found = visibleElements(viewport);
  const pixels: PageGrab['pixels'] = [];
  const onScreen: Rect[] = [];
  for (const { element, rect } of found) {
    const png = pixels.length < MAX_PIXELS ? await readDirectly(element) : undefined;
    // An element of one colour shows no code, on the screen neither.
    if (png === 'flat') continue;
    if (png) pixels.push({ dataUrl: png, rect });
    else if (onScreen.length < MAX_ON_SCREEN) onScreen.push(grow(rect, 8, { x: 0, y: 0, ...viewport }));
  }
  return { viewport, pixels, onScreen };
}

function visibleElements(viewport: Size): Found[] {
  const found: Found[] = [];
  const add = (element: Element) => {
    const visible = visiblePart(element.getBoundingClientRect(), viewport);
    if (!visible || visible.width < MIN_SIDE || visible.height < MIN_SIDE) return;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
    found.push({ element, rect: visible });
  };
  for (const element of deepQueryAll(
    document,
    'img, canvas, video, input[type=image], iframe, frame, embed, object',
  ))
    add(element);
  for (const svg of deepQueryAll<SVGSVGElement>(document, 'svg'))
    if (!svg.parentElement?.closest('svg')) add(svg);
  let styled = 0;
  for (const element of document.body?.querySelectorAll('*') ?? []) {
    if (++styled > MAX_STYLED) break;
    if (/url\(/.test(getComputedStyle(element).backgroundImage)) add(element);
  }
  // Largest first: those are read directly and cut out before the limits are reached.
  found.sort((a, b) => b.rect.width * b.rect.height - a.rect.width * a.rect.height);
  return dedupe(found);
}

/** One entry per element (an element may match twice: an `<img>` with a CSS background). */
function dedupe(found: Found[]): Found[] {
  const seen = new Set<Element>();
  return found.filter(({ element }) => !seen.has(element) && seen.add(element));
}

const FLAT = { skipFlat: true };

async function readDirectly(element: Element): Promise<string | 'flat' | undefined> {
  const scale = window.devicePixelRatio || 1;
  const box = element.getBoundingClientRect();
  const onScreen = { width: box.width * scale, height: box.height * scale };
  let png: string | 'tainted' | 'empty' | 'flat' = 'empty';
  if (element instanceof HTMLImageElement) {
    if (!element.complete || element.naturalWidth === 0) return undefined;
    const natural = { width: element.naturalWidth, height: element.naturalHeight };
    png = drawToPng(
      element,
      drawSize(natural, onScreen, isVectorUrl(element.currentSrc || element.src)),
      FLAT,
    );
  } else if (element instanceof HTMLCanvasElement) {
    png = drawToPng(
      element,
      drawSize({ width: element.width, height: element.height }, onScreen, false),
      FLAT,
    );
  } else if (element instanceof HTMLVideoElement) {
    if (element.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
    const natural = { width: element.videoWidth, height: element.videoHeight };
    png = drawToPng(element, drawSize(natural, onScreen, false), FLAT);
  } else if (element instanceof SVGSVGElement) {
    const image = await svgImage(serializeSvg(element, box));
    if (image) png = drawToPng(image, drawSize({ width: 0, height: 0 }, onScreen, true), FLAT);
  }
  return png === 'tainted' || png === 'empty' ? undefined : png;
}

/** The SVG as a standalone document, sized as shown, with the fill and stroke the page's CSS gave it. */
function serializeSvg(svg: SVGSVGElement, box: DOMRect): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies: (SVGElement | Element)[] = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const target = copies[index];
    if (!(target instanceof SVGElement)) return;
    const style = getComputedStyle(original);
    for (const property of ['fill', 'stroke', 'fill-opacity', 'stroke-width', 'opacity']) {
      target.style.setProperty(property, style.getPropertyValue(property));
    }
  });
  return new XMLSerializer().serializeToString(copy);
}
