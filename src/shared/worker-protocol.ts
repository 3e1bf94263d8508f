import type { DecodeResult } from '../core/qr/types.ts';
import type { Rect } from './geometry.ts';

/** Page (offscreen document, event page, popup) → decoder worker. */
export interface WorkerDecodeRequest {
  type: 'decode';
  id: number;
  image: Blob;
  crop?: Rect;
  /** See `EncodedImage.cropBasisWidth`. */
  cropBasisWidth?: number;
}

/** Decoder worker → page. */
export interface WorkerDecodeResponse {
  type: 'decoded';
  id: number;
  result: DecodeResult;
}
