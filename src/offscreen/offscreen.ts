import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import browser from '../shared/browser.ts';
import { type Handlers, makeListener } from '../shared/messages.ts';
import { markStage } from '../shared/stage-marks.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';

/**
 * Chrome's offscreen document (reason WORKERS): it exists only because a service worker cannot start a
 * Web Worker. It hosts the decoder worker and answers the background's `decode` messages.
 */
const decoder = new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'));

const handlers: Handlers<'decode' | 'clipboard-clear'> = {
  decode: (message) => {
    markStage('offscreen-received');
    return decoder.decode(message.image);
  },
  'clipboard-clear': async ({ pending }) => ({ cleared: await clearIfHolds(pending) }),
};

browser.runtime.onMessage.addListener(
  makeListener(handlers, browser.runtime.id, new URL(browser.runtime.getURL('')).origin),
);
