import type { Rect } from '../rect.ts';

/** RGBA pixels, 4 bytes a pixel, row by row: the shape of ImageData without the DOM. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Which library read a code: zxing-wasm (zxing-cpp in WebAssembly) or jsQR (the fallback). */
export type QrEngine = 'zxing-wasm' | 'jsqr';

/** Which pass of the decoder read a code (see `decodeQr`). */
export type QrPass = 'zxing' | 'zxing-histogram' | 'zxing-enlarged' | 'jsqr' | 'jsqr-half';

/** One QR code found in an image. */
export interface QrCode {
  text: string;
  /** Where the code sits in the decoded image (pixels), when the decoder reports it. */
  bounds?: Rect;
  /** The library that read it (for diagnostics and tests; never shown). */
  engine?: QrEngine;
  /** The decoder pass that read it (for the benchmark and tests; never shown). */
  pass?: QrPass;
}

export type DecodeErrorCode =
  /** Width, height or buffer length do not describe an image. */
  | 'invalid-image'
  /** The image is larger than the decoder accepts. */
  | 'image-too-large'
  /** The decoder itself failed (wasm did not load, internal error). */
  | 'decoder-failed'
  /** The time budget ran out before any code was found. */
  | 'timeout'
  /** A newer scan replaced this one before it finished. */
  | 'cancelled';

export type DecodeResult =
  | { ok: true; codes: QrCode[] }
  | { ok: false; error: { code: DecodeErrorCode; detail?: string } };

/** How one call of the decoder may be bounded. */
export interface DecodeOptions {
  /**
   * Time for the whole decode, in ms. The first pass always runs; each further pass starts only while
   * time is left. Running out with nothing found is a `timeout` error.
   */
  budgetMs?: number;
  /** Aborted when a newer scan replaces this one: checked between passes (`cancelled`). */
  signal?: AbortSignal;
  /**
   * The caller already painted the image over white (the worker's canvas does), so the decoder need not
   * look for transparent pixels. Without it, any transparency is painted white first.
   */
  opaque?: boolean;
  /**
   * Read the image as it is first (no inverted copy, no downscaled copies: about half the time of the
   * thorough read), and only when that finds nothing the thorough read (default). False: the thorough read
   * at once, for callers that mostly see images without a code (camera frames), where the quick read would
   * only add its time.
   */
  quickFirst?: boolean;
}
