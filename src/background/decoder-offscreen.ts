import type { DecodeResult } from '../core/qr/types.ts';
import type { Decoder } from '../shared/decoder.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import type { ImageBatch } from '../shared/image-batch.ts';
import { sendMessage } from '../shared/send.ts';
import { markStage } from '../shared/stage-marks.ts';
import {
  decoderStarted,
  ensureOffscreenDocument,
  noteDecoderStarted,
  sendToOffscreen,
} from './offscreen-document.ts';

/** Chrome: the service worker cannot start a Worker, so the decoder lives in an offscreen document. */
export class OffscreenDecoder implements Decoder {
  /** Opens the document (or asks the open one) to start its worker: the wasm compiles while the page is read. */
  prepare(): void {
    const start = async () => {
      await ensureOffscreenDocument(true);
      // A document opened for this scan started its worker as it loaded; one found open may not have.
      if (decoderStarted()) return;
      await sendToOffscreen(() => sendMessage<'decoder-prepare'>({ type: 'decoder-prepare' }), true);
      noteDecoderStarted();
    };
    start().catch((error: unknown) => console.warn('QR Key Reader: could not prepare the decoder', error));
  }

  decode(image: EncodedImage): Promise<DecodeResult> {
    markStage('decode-sent');
    return sendToOffscreen(() => sendMessage<'decode'>({ type: 'decode', image }));
  }

  decodeBatch(batch: ImageBatch): Promise<DecodeResult[]> {
    markStage('decode-sent');
    return sendToOffscreen(() => sendMessage<'decode-batch'>({ type: 'decode-batch', batch }));
  }
}
