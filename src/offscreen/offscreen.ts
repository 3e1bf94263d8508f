import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import browser from '../shared/browser.ts';
import { DECODER_PORT_OFFER } from '../shared/decoder-port-offer.ts';
import { DECODER_IDLE_MS, IdleTimer } from '../shared/idle-timer.ts';
import { type Handlers, makeListener } from '../shared/messages.ts';
import { markStage } from '../shared/stage-marks.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';

/**
 * Chrome's offscreen document (reasons WORKERS, CLIPBOARD): it exists only because a service worker can
 * start no Web Worker and has no clipboard. At a menu click the background opens it as
 * `offscreen.html#decode` (or, when it is open already, sends `decoder-prepare`), and it starts the decoder
 * worker at once, so the wasm compiles while the page is read, and hands the service worker a port to the
 * worker (`DecoderPortOffer`): the scan's images then skip this document's main thread. A document opened
 * only to empty the clipboard starts none. It answers `decode`, `decode-batch` and `clipboard-clear`, and closes itself once
 * nothing asked for DECODER_IDLE_MS: between scans the extension holds no decoder. The background opens it
 * again when it needs it.
 */
markStage('offscreen-started');
const idle = new IdleTimer(DECODER_IDLE_MS, () => {
  decoder.stop();
  window.close();
});
const decoder = new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'), undefined, undefined, {
  // Requests the service worker sends on its direct line are use of this document too.
  onActivity: (busy) => (busy ? idle.begin() : idle.end()),
});

/** Starts the worker (if need be) and hands the service worker a direct line to it. */
function offerDecoderPort(): void {
  const port = decoder.connect();
  navigator.serviceWorker.ready
    .then((registration) => {
      if (!registration.active) throw new Error('no service worker');
      registration.active.postMessage(DECODER_PORT_OFFER, [port]);
    })
    .catch(() => port.close());
}

// Opened for a scan (`#decode`): the worker starts now, not one message later.
if (location.hash === '#decode') offerDecoderPort();

const handlers: Handlers<'decoder-prepare' | 'decode' | 'decode-batch' | 'clipboard-clear'> = {
  'decoder-prepare': () =>
    idle.during(async () => {
      offerDecoderPort();
      return { ready: true };
    }),
  decode: (message) =>
    idle.during(() => {
      markStage('offscreen-received');
      return decoder.decode(message.image);
    }),
  'decode-batch': (message) =>
    idle.during(() => {
      markStage('offscreen-received');
      return decoder.decodeBatch(message.batch);
    }),
  'clipboard-clear': (message) => idle.during(async () => ({ cleared: await clearIfHolds(message.pending) })),
};

browser.runtime.onMessage.addListener(
  makeListener(handlers, browser.runtime.id, new URL(browser.runtime.getURL('')).origin),
);
// An offscreen document opened for nothing (a scan that failed before decoding) also closes.
idle.begin();
idle.end();
