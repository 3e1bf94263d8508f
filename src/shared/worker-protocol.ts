import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';

/** Page (offscreen document, event page, popup, camera page) → decoder worker: an encoded image. */
export interface WorkerDecodeRequest {
  type: 'decode';
  id: number;
  image: Blob;
  crop?: Rect;
  /** See `EncodedImage.cropBasisWidth`. */
  cropBasisWidth?: number;
}

/**
 * Page → decoder worker: pixels already drawn (a camera frame). Their buffer is transferred, not copied,
 * and is gone from the sender once posted.
 */
export interface WorkerDecodePixelsRequest {
  type: 'decode-pixels';
  id: number;
  pixels: Pixels;
  /**
   * Time for the decode (see `DecodeOptions.budgetMs`); the worker's own budget when absent. 0 runs the
   * first pass only: a camera frame is followed by another a moment later.
   */
  budgetMs?: number;
}

export type WorkerRequest = WorkerDecodeRequest | WorkerDecodePixelsRequest;

/** Decoder worker → page. */
export interface WorkerDecodeResponse {
  type: 'decoded';
  id: number;
  result: DecodeResult;
}
