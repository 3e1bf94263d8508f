import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import { CLEAR_CLIPBOARD_ALARM, isPendingClear, PENDING_CLEAR_KEY } from '../clipboard/pending-clear.ts';
import browser from '../shared/browser.ts';
import { sendMessage } from '../shared/send.ts';
import { sendToOffscreen } from './offscreen-document.ts';

/**
 * The minute after "Copy key" is over and the popup is closed: empty the clipboard if it still holds the
 * key. Chrome's service worker has no clipboard, so its offscreen document does it; Firefox's event page
 * has a document of its own.
 */
async function clearPendingClipboard(): Promise<void> {
  const pending = (await browser.storage.session.get(PENDING_CLEAR_KEY))[PENDING_CLEAR_KEY];
  await browser.storage.session.remove(PENDING_CLEAR_KEY);
  if (!isPendingClear(pending)) return;
  // `__BROWSER__` is fixed at build time: each build keeps only its own branch (no offscreen code in Firefox).
  if (__BROWSER__ === 'chrome') {
    // The offscreen document closes itself when idle: it is opened again for this.
    await sendToOffscreen(() => sendMessage<'clipboard-clear'>({ type: 'clipboard-clear', pending }));
  } else {
    await clearIfHolds(pending);
  }
}

/** Registered at top level by index.ts, like every background listener. */
export function registerClipboardClear(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== CLEAR_CLIPBOARD_ALARM) return;
    clearPendingClipboard().catch((error: unknown) =>
      console.warn('QR Key Reader: could not clear the clipboard', error),
    );
  });
}
