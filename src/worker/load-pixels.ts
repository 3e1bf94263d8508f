/// <reference lib="webworker" />
import { FIRST_PASS_MAX_PIXELS, MAX_PIXELS, MAX_SIDE } from '../core/qr/limits.ts';
import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import { HEADER_BYTES, imageSize } from './image-size.ts';

/** Largest encoded file read, in bytes. */
export const MAX_FILE_BYTES = 128 * 2 ** 20;

type Failure = Extract<DecodeResult, { ok: false }>;
const fail = (code: Failure['error']['code'], detail: string): Failure => ({
  ok: false,
  error: { code, detail },
});

const tooLarge = (width: number, height: number) =>
  width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS;

/**
 * Encoded image → RGBA pixels painted over white (so transparent pixels read as background), cropped when
 * asked. The size the header claims is checked before anything is decoded; an image larger than the first
 * pass reads is shrunk by the browser's own decoder (`createImageBitmap` with `resizeWidth`), so the worker
 * never holds more than about FIRST_PASS_MAX_PIXELS × 4 bytes of pixels (×3 when a rotated JPEG turns out
 * wider than its header said).
 */
export async function loadPixels(image: Blob, crop?: Rect, basisWidth?: number): Promise<Pixels | Failure> {
  const opened = await openImage(image);
  if ('ok' in opened) return opened;
  try {
    return pixelsOf(opened, crop, basisWidth);
  } finally {
    opened.close();
  }
}

/**
 * The decoded image, checked and shrunk as {@link loadPixels} says, to cut one or more parts from
 * ({@link pixelsOf}); the caller closes it.
 */
export async function openImage(image: Blob): Promise<ImageBitmap | Failure> {
  if (image.size === 0) return fail('invalid-image', 'empty file');
  if (image.size > MAX_FILE_BYTES) return fail('image-too-large', `${image.size} bytes`);
  const header = imageSize(new Uint8Array(await image.slice(0, HEADER_BYTES).arrayBuffer()));
  if ('broken' in header) return fail('invalid-image', `${header.format}: ${header.broken}`);
  let resizeWidth: number | undefined;
  if ('width' in header) {
    const { width, height } = header;
    if (width === 0 || height === 0) return fail('invalid-image', `${header.format} of ${width}x${height}`);
    if (tooLarge(width, height)) return fail('image-too-large', `${header.format} of ${width}x${height}`);
    const pixels = width * height;
    if (pixels > FIRST_PASS_MAX_PIXELS) {
      resizeWidth = Math.max(1, Math.floor(width * Math.sqrt(FIRST_PASS_MAX_PIXELS / pixels)));
    }
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = resizeWidth
      ? await createImageBitmap(image, { resizeWidth, resizeQuality: 'medium' })
      : await createImageBitmap(image);
  } catch (error) {
    return fail('invalid-image', `${header.format}: ${String(error)}`);
  }
  // A format without a header reader (AVIF, ICO…) is only checked once decoded.
  if (tooLarge(bitmap.width, bitmap.height)) {
    bitmap.close();
    return fail('image-too-large', `${bitmap.width}x${bitmap.height}`);
  }
  return bitmap;
}

/** One part of an opened image as pixels over white (the whole image without a crop). */
export function pixelsOf(bitmap: ImageBitmap, crop?: Rect, basisWidth?: number): Pixels | Failure {
  try {
    return draw(bitmap, crop, basisWidth);
  } catch (error) {
    return fail('invalid-image', String(error));
  }
}

function draw(bitmap: ImageBitmap, crop: Rect | undefined, basisWidth: number | undefined): Pixels {
  const scale = crop && basisWidth ? bitmap.width / basisWidth : 1;
  const area = clampCrop(
    crop && { x: crop.x * scale, y: crop.y * scale, width: crop.width * scale, height: crop.height * scale },
    bitmap.width,
    bitmap.height,
  );
  const context = canvasOf(area.width, area.height);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, area.width, area.height);
  context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  const { data, width, height } = context.getImageData(0, 0, area.width, area.height);
  return { data, width, height };
}

/**
 * One canvas for every image this realm decodes, resized to each: creating a canvas is what costs (up to
 * 150 ms for the first one in Chrome's service worker, and often 10–140 ms more for later new ones there;
 * a reused one draws and reads a 430 px code in about 1 ms). Dropped when the decoder goes idle.
 */
let shared: OffscreenCanvasRenderingContext2D | undefined;

function canvasOf(width: number, height: number): OffscreenCanvasRenderingContext2D {
  shared ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true }) ?? undefined;
  if (!shared) throw new Error('no 2d context');
  shared.canvas.width = width;
  shared.canvas.height = height;
  return shared;
}

/** Makes the canvas now (the decoder does it while the page is read), so the first image does not wait. */
export function prepareCanvas(): void {
  canvasOf(1, 1).fillRect(0, 0, 1, 1);
}

/** Lets go of the canvas and its pixels (the decoder is idle). */
export function releaseCanvas(): void {
  shared = undefined;
}

export function clampCrop(crop: Rect | undefined, width: number, height: number): Rect {
  if (!crop || ![crop.x, crop.y, crop.width, crop.height].every(Number.isFinite)) {
    return { x: 0, y: 0, width, height };
  }
  const x = Math.max(0, Math.min(width - 1, Math.floor(crop.x)));
  const y = Math.max(0, Math.min(height - 1, Math.floor(crop.y)));
  return {
    x,
    y,
    width: Math.max(1, Math.min(width - x, Math.ceil(crop.width))),
    height: Math.max(1, Math.min(height - y, Math.ceil(crop.height))),
  };
}
