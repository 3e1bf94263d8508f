import jsQR from 'jsqr';
import type { DecodeResult, Pixels } from './types.ts';

/** Largest side accepted, in pixels; larger images are refused rather than risk running out of memory. */
export const MAX_SIDE = 16384;

export function validatePixels(image: Pixels): DecodeResult | undefined {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return { ok: false, error: { code: 'invalid-image', detail: `size ${width}x${height}` } };
  }
  if (width > MAX_SIDE || height > MAX_SIDE) {
    return { ok: false, error: { code: 'image-too-large', detail: `size ${width}x${height}` } };
  }
  if (data.length !== width * height * 4) {
    return {
      ok: false,
      error: { code: 'invalid-image', detail: `buffer ${data.length} for ${width}x${height}` },
    };
  }
  return undefined;
}

/**
 * Finds the QR codes in an image. Never throws: failures come back as typed results.
 * jsQR 1.4.0 writes the options of a call into its shared defaults, so every option is passed every time.
 */
export async function decodeQr(image: Pixels): Promise<DecodeResult> {
  const invalid = validatePixels(image);
  if (invalid) return invalid;
  try {
    const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!found) return { ok: true, codes: [] };
    const xs = [found.location.topLeftCorner.x, found.location.bottomRightCorner.x];
    const ys = [found.location.topLeftCorner.y, found.location.bottomRightCorner.y];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return {
      ok: true,
      codes: [
        { text: found.data, bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } },
      ],
    };
  } catch (error) {
    return { ok: false, error: { code: 'decoder-failed', detail: String(error) } };
  }
}
