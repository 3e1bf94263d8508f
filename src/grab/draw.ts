import { isFlat } from '../core/qr/flat.ts';
import { type Backdrop, chooseBackdrop } from './backdrop.ts';
import type { DrawPlan } from './draw-size.ts';
import { quietZone } from './draw-size.ts';

/**
 * Page side: draws an image-like element into a PNG the decoder reads, in one drawing: transparent pixels
 * get the backdrop that makes the code visible (see backdrop.ts) and a quiet zone of that colour is added
 * around, so codes printed edge to edge still decode. Answers `tainted` when the browser forbids reading the
 * pixels, and `flat` (when asked to, `skipFlat`) for an image of one brightness, which holds no code.
 */
export type Drawable = HTMLImageElement | HTMLCanvasElement | HTMLVideoElement | SVGImageElement;

/** Longest side of the sample that picks the backdrop: as many points as chooseBackdrop looks at. */
const SAMPLE_SIDE = 256;

export function drawToPng(
  source: Drawable,
  plan: DrawPlan,
  { skipFlat = false }: { skipFlat?: boolean } = {},
): string | 'tainted' | 'empty' | 'flat' {
  if (plan.width < 1 || plan.height < 1) return 'empty';
  // A small sample tells the backdrop, and whether the browser lets the page read the image at all,
  // without reading back every pixel of a large drawing (16 MB for a 2048 px square).
  const sample = samplePixels(source, plan);
  if (typeof sample === 'string') return sample;
  const backdrop = colourOf(chooseBackdrop(sample.data), sample.data, sample.width, sample.height);
  // One colour everywhere, as drawn over its backdrop (a placeholder, a blank canvas) shows no code: the
  // page scan need not read it.
  if (skipFlat && isFlat(sample, backdrop === '#000' ? 0 : 255)) return 'flat';
  const margin = quietZone(plan);
  const out = document.createElement('canvas');
  out.width = plan.width + 2 * margin;
  out.height = plan.height + 2 * margin;
  const context = out.getContext('2d');
  if (!context) return 'empty';
  context.fillStyle = backdrop;
  context.fillRect(0, 0, out.width, out.height);
  context.imageSmoothingEnabled = plan.smooth;
  context.imageSmoothingQuality = 'high';
  try {
    context.drawImage(source, margin, margin, plan.width, plan.height);
  } catch {
    return 'empty';
  }
  return out.toDataURL('image/png');
}

/** The image's own pixels at up to SAMPLE_SIDE a side, each a point of the image (no smoothing). */
function samplePixels(
  source: Drawable,
  plan: DrawPlan,
): { data: Uint8ClampedArray; width: number; height: number } | 'tainted' | 'empty' {
  const factor = Math.min(1, SAMPLE_SIDE / Math.max(plan.width, plan.height));
  const width = Math.max(1, Math.round(plan.width * factor));
  const height = Math.max(1, Math.round(plan.height * factor));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return 'empty';
  context.imageSmoothingEnabled = false;
  try {
    context.drawImage(source, 0, 0, width, height);
    return { data: context.getImageData(0, 0, width, height).data, width, height };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'SecurityError') return 'tainted';
    return 'empty';
  }
}

/** The backdrop's colour; for an opaque image, the colour its edge mostly has (an inverted code's is dark). */
function colourOf(backdrop: Backdrop, data: Uint8ClampedArray, width: number, height: number): string {
  if (backdrop === 'black') return '#000';
  if (backdrop === 'white') return '#fff';
  let sum = 0;
  let count = 0;
  const add = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    sum += 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
    count++;
  };
  const step = Math.max(1, Math.floor(Math.max(width, height) / 256));
  for (let x = 0; x < width; x += step) {
    add(x, 0);
    add(x, height - 1);
  }
  for (let y = 0; y < height; y += step) {
    add(0, y);
    add(width - 1, y);
  }
  return count > 0 && sum / count < 96 ? '#000' : '#fff';
}

/** Waits until the next frame has been painted (bounded: a hidden page may never paint). */
export function afterPaint(limitMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/** Loads an SVG document as an image (a data: URL: no request). */
export function svgImage(markup: string): Promise<HTMLImageElement | undefined> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  return image.decode().then(
    () => image,
    () => undefined,
  );
}
