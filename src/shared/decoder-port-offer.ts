/**
 * Chrome: the offscreen document → the service worker (`ServiceWorker.postMessage`, with a MessagePort
 * transferred): a direct line to the decoder worker (see `WorkerConnect`), so a scan's images and answers
 * skip the document's main thread, which the popup opening at the same time keeps busy.
 */
export interface DecoderPortOffer {
  type: 'qrkr:decoder-port';
}

export const DECODER_PORT_OFFER: DecoderPortOffer = { type: 'qrkr:decoder-port' };

export function isDecoderPortOffer(value: unknown): value is DecoderPortOffer {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === DECODER_PORT_OFFER.type
  );
}
