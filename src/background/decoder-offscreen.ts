import type { DecodeResult } from '../core/qr/types.ts';
import type { Decoder } from '../shared/decoder.ts';
import {
  type Answer,
  batchResults,
  blobBatch,
  DecoderUnreachable,
  type MakeRequest,
  singleResult,
} from '../shared/decoder-requests.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import { dataUrlToBlob } from '../shared/encoded-image.ts';
import type { ImageBatch } from '../shared/image-batch.ts';
import { sendMessage } from '../shared/send.ts';
import { markStage } from '../shared/stage-marks.ts';
import type { WorkerDecodeRequest } from '../shared/worker-protocol.ts';
import { sendOnDecoderPort } from './decoder-port.ts';
import {
  decoderStarted,
  ensureOffscreenDocument,
  noteDecoderStarted,
  noteOffscreenUse,
  offscreenDocumentFresh,
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

  async decode(image: EncodedImage): Promise<DecodeResult> {
    markStage('decode-sent');
    const blob = dataUrlToBlob(image.dataUrl);
    const direct =
      blob &&
      (await onDirectLine((id) => {
        const request: WorkerDecodeRequest = { type: 'decode', id, image: blob };
        if (image.crop) request.crop = image.crop;
        if (image.cropBasisWidth) request.cropBasisWidth = image.cropBasisWidth;
        return { request, transfer: [] };
      }));
    if (direct) return singleResult(direct);
    return sendToOffscreen(() => sendMessage<'decode'>({ type: 'decode', image }));
  }

  async decodeBatch(batch: ImageBatch): Promise<DecodeResult[]> {
    markStage('decode-sent');
    const blobs = blobBatch(batch);
    const direct =
      blobs &&
      (await onDirectLine((id) => ({ request: { type: 'decode-batch', id, batch: blobs }, transfer: [] })));
    if (direct) return batchResults(direct, batch.jobs.length);
    return sendToOffscreen(() => sendMessage<'decode-batch'>({ type: 'decode-batch', batch }));
  }
}

/**
 * A request on the direct line to the decoder worker, when there is one and the document is known to be
 * open; undefined otherwise, or when the worker did not acknowledge it (then it goes through the document).
 */
async function onDirectLine(make: MakeRequest): Promise<Answer | undefined> {
  if (!offscreenDocumentFresh()) return undefined;
  try {
    const answer = await sendOnDecoderPort(make);
    if (answer) noteOffscreenUse();
    return answer;
  } catch (error) {
    if (error instanceof DecoderUnreachable) return undefined;
    throw error;
  }
}
