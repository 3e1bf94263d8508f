import type { ReaderOptions } from 'zxing-wasm/reader';
import { isFlat } from './flat.ts';
import { type Found, unscale } from './found.ts';
import { readWithJsqr } from './jsqr-engine.ts';
import {
  DEFAULT_BUDGET_MS,
  ENLARGE_MAX_SIDE,
  FALLBACK_MAX_PIXELS,
  FIRST_PASS_MAX_PIXELS,
  MAX_PIXELS,
  MAX_SIDE,
} from './limits.ts';
import { flattenOnWhite, type Luma, resize, shrinkToLuma, toLuma, toRgba } from './luma.ts';
import { inReadingOrder } from './reading-order.ts';
import type { DecodeOptions, DecodeResult, Pixels, QrPass } from './types.ts';
import { readEncodedWithZxing, readWithZxing, zxingUnavailable } from './zxing-engine.ts';

export { MAX_PIXELS, MAX_SIDE } from './limits.ts';

export function validatePixels(image: Pixels): DecodeResult | undefined {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return { ok: false, error: { code: 'invalid-image', detail: `size ${width}x${height}` } };
  }
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    return { ok: false, error: { code: 'image-too-large', detail: `size ${width}x${height}` } };
  }
  if (!(data instanceof Uint8ClampedArray) || data.length !== width * height * 4) {
    return {
      ok: false,
      error: { code: 'invalid-image', detail: `buffer ${data?.length} for ${width}x${height}` },
    };
  }
  return undefined;
}

/** One way of reading the image after the first pass. */
interface Pass {
  name: QrPass;
  run: () => Promise<Found[]> | Found[];
}

/**
 * Finds every QR code in an image: deduplicated by text, in reading order, bounds in the image's pixels.
 * Never throws: failures come back as typed results.
 *
 * An image of (nearly) one brightness holds no code: it is answered at once (see flat.ts).
 *
 * First pass: zxing-wasm (zxing-cpp), several codes per call, on the image shrunk to at most
 * FIRST_PASS_MAX_PIXELS: read as it is first (`quickFirst`), then, when that finds nothing, with zxing's own
 * inverted and downscaled copies (on the shared corpus the quick read finds exactly the codes the thorough
 * one does wherever it finds any, in three quarters of the time; bench/). Only when it finds nothing,
 * and only on images up to FALLBACK_MAX_PIXELS, further passes run while the time budget lasts:
 * zxing-wasm with the global-histogram binarizer, then the same on a 2× enlarged copy. jsQR reads only
 * when zxing-wasm could not be loaded. Transparent pixels are painted white first.
 */
export async function decodeQr(image: Pixels, options: DecodeOptions = {}): Promise<DecodeResult> {
  const invalid = validatePixels(image);
  if (invalid) return invalid;
  try {
    return await decodeValid(image, options);
  } catch (error) {
    return { ok: false, error: { code: 'decoder-failed', detail: String(error) } };
  }
}

async function decodeValid(
  image: Pixels,
  { budgetMs = DEFAULT_BUDGET_MS, signal, opaque = false, quickFirst = true }: DecodeOptions,
): Promise<DecodeResult> {
  const deadline = performance.now() + budgetMs;
  const pixelCount = image.width * image.height;
  const scale = pixelCount > FIRST_PASS_MAX_PIXELS ? Math.sqrt(FIRST_PASS_MAX_PIXELS / pixelCount) : 1;
  const work =
    scale === 1
      ? opaque
        ? image
        : flattenOnWhite(image)
      : toRgba(shrinkToLuma(image, Math.floor(image.width * scale), Math.floor(image.height * scale)));
  const workScale = work.width / image.width;
  let zxingError = zxingUnavailable();
  // One brightness everywhere (a blank canvas, a block of colour): no pass could read anything. (Without a
  // working zxing-wasm, "nothing found" stays a decoder failure, as below.)
  if (!zxingError && isFlat(work)) return { ok: true, codes: [] };

  const zxing = async (pixels: Pixels, variant: ReaderOptions, passScale: number) => {
    if (zxingError) return [];
    try {
      return unscale(await readWithZxing(pixels, variant), passScale);
    } catch (error) {
      zxingError = String(error);
      return [];
    }
  };

  const quick = quickFirst ? await zxing(work, QUICK, workScale) : [];
  if (quick.length > 0) return { ok: true, codes: inReadingOrder(tag(quick, 'zxing')) };
  const first = await zxing(work, {}, workScale);
  if (first.length > 0) return { ok: true, codes: inReadingOrder(tag(first, 'zxing')) };

  const passes = fallbackPasses(work, workScale, zxing, zxingError !== undefined);
  for (const pass of passes) {
    if (signal) {
      // Let a newer request reach the worker, so it can cancel this one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) return { ok: false, error: { code: 'cancelled' } };
    }
    if (performance.now() > deadline) {
      return { ok: false, error: { code: 'timeout', detail: `before ${pass.name}` } };
    }
    let found: Found[] = [];
    try {
      found = await pass.run();
    } catch {
      // jsQR throws on some malformed inputs: that pass simply read nothing.
    }
    if (found.length > 0) return { ok: true, codes: inReadingOrder(tag(found, pass.name)) };
  }
  if (zxingError) return { ok: false, error: { code: 'decoder-failed', detail: zxingError } };
  return { ok: true, codes: [] };
}

/** zxing's read of the image as it is: no inverted copy, no downscaled pyramid. */
const QUICK: ReaderOptions = { tryInvert: false, tryDownscale: false };

/**
 * The quick read of an encoded image (PNG, JPEG, GIF, BMP bytes) as it is, decoded inside zxing-wasm: its
 * codes, none when it found none (zxing-wasm also answers bytes it cannot decode so); undefined when
 * zxing-wasm is unavailable or failed.
 * Without codes the caller reads the image's pixels as {@link decodeQr} does; after "none", the quick read
 * of those pixels would repeat this one (`quickFirst: false`). The caller checks the size the header claims
 * first (at most FIRST_PASS_MAX_PIXELS: the image is held whole in the wasm heap). A transparent image may
 * read as black here: it then finds nothing and is read from its pixels, over white.
 */
export async function quickReadEncoded(bytes: Uint8Array): Promise<DecodeResult | undefined> {
  if (zxingUnavailable()) return undefined;
  try {
    const quick = await readEncodedWithZxing(bytes, QUICK);
    return { ok: true, codes: inReadingOrder(tag(quick, 'zxing')) };
  } catch {
    return undefined;
  }
}

const tag = (found: Found[], pass: QrPass) => found.map((f) => ({ ...f, pass }));

function fallbackPasses(
  work: Pixels,
  workScale: number,
  zxing: (pixels: Pixels, variant: ReaderOptions, scale: number) => Promise<Found[]>,
  zxingMissing: boolean,
): Pass[] {
  let luma: Luma | undefined;
  const grey = () => {
    luma ??= toLuma(work);
    return luma;
  };
  const pixelCount = work.width * work.height;
  if (zxingMissing) return jsqrPasses(work, workScale, grey);
  if (pixelCount > FALLBACK_MAX_PIXELS) return [];
  const passes: Pass[] = [
    { name: 'zxing-histogram', run: () => zxing(work, { binarizer: 'GlobalHistogram' }, workScale) },
  ];
  if (Math.max(work.width, work.height) <= ENLARGE_MAX_SIDE) {
    passes.push({
      name: 'zxing-enlarged',
      run: () => {
        const l = grey();
        const big = toRgba(resize(l, l.width * 2, l.height * 2));
        return zxing(big, { binarizer: 'GlobalHistogram' }, workScale * 2);
      },
    });
  }
  return passes;
}

/**
 * Without zxing-wasm (its module failed to load), jsQR is all there is: at full size when the image is
 * small enough to finish in time, else on a copy shrunk to FALLBACK_MAX_PIXELS, then at half that size.
 * With zxing-wasm it is not used: on the corpus it read nothing the zxing passes had not (see bench/).
 */
function jsqrPasses(work: Pixels, workScale: number, grey: () => Luma): Pass[] {
  const pixelCount = work.width * work.height;
  let base: { pixels: Pixels; scale: number } | undefined;
  const jsqrBase = () => {
    if (base) return base;
    if (pixelCount <= FALLBACK_MAX_PIXELS) base = { pixels: work, scale: workScale };
    else {
      const s = Math.sqrt(FALLBACK_MAX_PIXELS / pixelCount);
      const l = grey();
      base = { pixels: toRgba(resize(l, l.width * s, l.height * s)), scale: workScale * s };
    }
    return base;
  };
  return [
    {
      name: 'jsqr',
      run: () => {
        const { pixels, scale } = jsqrBase();
        return unscale(readWithJsqr(pixels), scale);
      },
    },
    {
      name: 'jsqr-half',
      run: () => {
        const { pixels, scale } = jsqrBase();
        const l = toLuma(pixels);
        return unscale(readWithJsqr(toRgba(resize(l, l.width / 2, l.height / 2))), scale / 2);
      },
    },
  ];
}
