import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import browser from '../shared/browser.ts';
import { DECODER_IDLE_MS, IdleTimer } from '../shared/idle-timer.ts';
import { type Handlers, makeListener } from '../shared/messages.ts';

/**
 * Chrome's offscreen document (reason CLIPBOARD): it exists only because a service worker has no clipboard.
 * The background opens it when a clipboard clear is due; it answers `clipboard-clear` and closes itself once
 * nothing asked for DECODER_IDLE_MS. Scans never open it (the service worker decodes itself).
 */
const idle = new IdleTimer(DECODER_IDLE_MS, () => window.close());

const handlers: Handlers<'clipboard-clear'> = {
  'clipboard-clear': (message) => idle.during(async () => ({ cleared: await clearIfHolds(message.pending) })),
};

browser.runtime.onMessage.addListener(
  makeListener(handlers, browser.runtime.id, new URL(browser.runtime.getURL('')).origin),
);
// A document opened for nothing (a clear that failed before its message) also closes.
idle.begin();
idle.end();
