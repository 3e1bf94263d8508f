import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { ImageBatch } from './image-batch.ts';

/** Page (event page, popup, camera page) → decoder worker: an encoded image. */
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

/** Page → decoder worker: several images in one request (see `ImageBatch`); one result a job. */
export interface WorkerDecodeBatchRequest {
  type: 'decode-batch';
  id: number;
  batch: ImageBatch<Blob>;
}

export type WorkerRequest = WorkerDecodeRequest | WorkerDecodePixelsRequest | WorkerDecodeBatchRequest;

/** Decoder worker → its host page. */
export type WorkerResponse =
  | { type: 'decoded'; id: number; result: DecodeResult }
  | { type: 'decoded-batch'; id: number; results: DecodeResult[] };

/**
 * Decoder worker → its host, unasked (src/worker/quiet-watch.ts): `quiet`, it has had nothing to do for
 * long and asks to be ended; `closing`, no host answered and it ends itself now.
 */
export type WorkerNotice = { type: 'quiet' } | { type: 'closing' };

export type WorkerMessage = WorkerResponse | WorkerNotice;
