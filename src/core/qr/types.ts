import type { Rect } from '../../shared/geometry.ts';

/** RGBA pixels, 4 bytes a pixel, row by row: the shape of ImageData without the DOM. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One QR code found in an image. */
export interface QrCode {
  text: string;
  /** Where the code sits in the decoded image (pixels), when the decoder reports it. */
  bounds?: Rect;
}

export type DecodeErrorCode =
  /** Width, height or buffer length do not describe an image. */
  | 'invalid-image'
  /** The image is larger than the decoder accepts. */
  | 'image-too-large'
  /** The decoder itself failed (wasm did not load, internal error). */
  | 'decoder-failed'
  /** The time budget ran out before any code was found. */
  | 'timeout';

export type DecodeResult =
  | { ok: true; codes: QrCode[] }
  | { ok: false; error: { code: DecodeErrorCode; detail?: string } };
