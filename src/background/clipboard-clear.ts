import { clearIfHolds } from '../clipboard/clear-if-holds.ts';
import { CLEAR_CLIPBOARD_ALARM, isPendingClear, PENDING_CLEAR_KEY } from '../clipboard/pending-clear.ts';
import browser from '../shared/browser.ts';
import { sendMessage } from '../shared/send.ts';
import { ensureOffscreenDocument } from './decoder-offscreen.ts';

/**
 * The minute after "Copy key" is over and the popup is closed: empty the clipboard if it still holds the
 * key. Chrome's service worker has no clipboard, so its offscreen document does it; Firefox's event page
 * has a document of its own.
 */
async function clearPendingClipboard(): Promise<void> {
  const pending = (await browser.storage.session.get(PENDING_CLEAR_KEY))[PENDING_CLEAR_KEY];
  await browser.storage.session.remove(PENDING_CLEAR_KEY);
  if (!isPendingClear(pending)) return;
  // An if/else, not an early return: esbuild drops the dead branch, so the Firefox build has no offscreen call.
  if (__BROWSER__ === 'firefox') {
    await clearIfHolds(pending);
  } else {
    await ensureOffscreenDocument();
    await sendMessage<'clipboard-clear'>({ type: 'clipboard-clear', pending });
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
