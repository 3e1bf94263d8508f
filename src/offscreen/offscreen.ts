import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import browser from '../shared/browser.ts';
import { DECODER_IDLE_MS, IdleTimer } from '../shared/idle-timer.ts';
import { type Handlers, makeListener } from '../shared/messages.ts';
import { markStage } from '../shared/stage-marks.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';

/**
 * Chrome's offscreen document (reasons WORKERS, CLIPBOARD): it exists only because a service worker can
 * start no Web Worker and has no clipboard. At a menu click the background opens it as
 * `offscreen.html#decode` (or, when it is open already, sends `decoder-prepare`), and it starts the decoder
 * worker at once, so the wasm compiles while the page is read; a document opened only to empty the
 * clipboard starts none. It answers `decode`, `decode-batch` and `clipboard-clear`, and closes itself once
 * nothing asked for DECODER_IDLE_MS: between scans the extension holds no decoder. The background opens it
 * again when it needs it.
 */
markStage('offscreen-started');
const decoder = new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'));
// Opened for a scan (`#decode`): the worker starts now, not one message later.
if (location.hash === '#decode') decoder.prepare();

const idle = new IdleTimer(DECODER_IDLE_MS, () => {
  decoder.stop();
  window.close();
});

const handlers: Handlers<'decoder-prepare' | 'decode' | 'decode-batch' | 'clipboard-clear'> = {
  'decoder-prepare': () =>
    idle.during(async () => {
      decoder.prepare();
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
