import type { DecodeResult } from '../core/qr/types.ts';
import type { EncodedImage } from './encoded-image.ts';
import type { ImageBatch } from './image-batch.ts';

/**
 * Something that turns encoded images into the QR codes they hold. Chrome's background reaches its worker
 * through the offscreen document; Firefox's event page and the popup start the worker themselves.
 */
export interface Decoder {
  /** Gets ready now (worker started, wasm compiling) without waiting: the menu click calls it first. */
  prepare(): void;
  decode(image: EncodedImage): Promise<DecodeResult>;
  /** Several images in one call: one result a job, in the jobs' order. */
  decodeBatch(batch: ImageBatch): Promise<DecodeResult[]>;
}
