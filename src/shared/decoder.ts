import type { DecodeResult } from '../core/qr/types.ts';
import type { EncodedImage } from './encoded-image.ts';

/**
 * Something that turns an encoded image into the QR codes it holds. Chrome's background reaches its worker
 * through the offscreen document; Firefox's event page and the popup start the worker themselves.
 */
export interface Decoder {
  decode(image: EncodedImage): Promise<DecodeResult>;
}
