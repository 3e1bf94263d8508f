import type { DecodeResult } from '../core/qr/types.ts';
import type { EncodedImage } from './encoded-image.ts';
import type { ImageBatch } from './image-batch.ts';

/**
 * Something that turns encoded images into the QR codes they hold. Chrome's service worker decodes itself
 * (it can start no worker); Firefox's event page, the popup and the camera page start a decoder worker.
 */
export interface Decoder {
  /** Gets ready now (worker started, wasm compiling) without waiting: the menu click calls it first. */
  prepare(): void;
  decode(image: EncodedImage): Promise<DecodeResult>;
  /** Several images in one call: one result a job, in the jobs' order. */
  decodeBatch(batch: ImageBatch): Promise<DecodeResult[]>;
}
