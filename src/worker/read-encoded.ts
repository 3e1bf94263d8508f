import { quickReadEncoded } from '../core/qr/decode.ts';
import { FIRST_PASS_MAX_PIXELS, MAX_SIDE } from '../core/qr/limits.ts';
import type { DecodeResult } from '../core/qr/types.ts';
import { HEADER_BYTES, type ImageFormat, imageSize } from './image-size.ts';

/** The formats zxing-wasm decodes itself (its stb_image); WebP, SVG, AVIF… go through the browser. */
const DECODED_BY_ZXING: ReadonlySet<ImageFormat> = new Set(['png', 'jpeg', 'gif', 'bmp']);

/** Largest file read this way: about a 3840×2160 PNG screenshot; anything larger goes the usual way. */
const MAX_ENCODED_BYTES = 32 * 2 ** 20;

/**
 * A whole image (no crop) read as encoded first: zxing-wasm decodes the PNG or JPEG itself and reads it as
 * it is, without the browser's decoder, a canvas and a copy of its pixels (a 1920×1080 screenshot: about
 * 20 ms less, bench/). Its codes (none when it found none, or when zxing-wasm could not decode the bytes);
 * undefined when it was not read this way (a format or size this does not take, zxing-wasm unavailable).
 * Without codes the image is then read from its pixels as always, painted over white, with every fallback
 * pass.
 */
export async function readAsEncoded(image: Blob): Promise<DecodeResult | undefined> {
  if (image.size === 0 || image.size > MAX_ENCODED_BYTES) return undefined;
  const bytes = new Uint8Array(await image.arrayBuffer());
  const header = imageSize(bytes.subarray(0, HEADER_BYTES));
  if (!('width' in header) || !DECODED_BY_ZXING.has(header.format)) return undefined;
  const { width, height } = header;
  if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) return undefined;
  if (width * height > FIRST_PASS_MAX_PIXELS) return undefined;
  return quickReadEncoded(bytes);
}

/** True when an encoded read found codes: nothing more to read. */
export function foundCodes(result: DecodeResult | undefined): result is DecodeResult {
  return result?.ok === true && result.codes.length > 0;
}
