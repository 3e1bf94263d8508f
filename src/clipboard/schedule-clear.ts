import browser from '../shared/browser.ts';
import { clearIfHolds } from './clear-if-holds.ts';
import { digestOf } from './digest.ts';
import {
  CLEAR_AFTER_MS,
  CLEAR_CLIPBOARD_ALARM,
  isPendingClear,
  PENDING_CLEAR_KEY,
  type PendingClear,
} from './pending-clear.ts';

/**
 * Turning the option on asks for `clipboardRead` (optional, asked only here): the extension must look at
 * the clipboard a minute later to empty it only if it still holds the key, never something else copied.
 */
export async function prepareClipboardClear(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['clipboardRead'] });
  } catch {
    return false;
  }
}

export async function hasClipboardPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['clipboardRead'] });
  } catch {
    return false;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * After "Copy key": a minute later, empty the clipboard if it still holds that key. The popup does it
 * itself if it is still open; otherwise an alarm wakes the background, which does it (see
 * src/background/clipboard-clear.ts). Only a SHA-256 fingerprint of the key is kept, in memory.
 */
export async function scheduleClipboardClear(key: string): Promise<void> {
  const pending: PendingClear = { digest: await digestOf(key), at: Date.now() + CLEAR_AFTER_MS };
  await browser.storage.session.set({ [PENDING_CLEAR_KEY]: pending });
  await browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: pending.at });
  clearTimeout(timer);
  timer = setTimeout(() => void clearNowIfDue(), CLEAR_AFTER_MS);
}

async function clearNowIfDue(): Promise<void> {
  const pending = (await browser.storage.session.get(PENDING_CLEAR_KEY))[PENDING_CLEAR_KEY];
  if (!isPendingClear(pending) || !document.hasFocus()) return;
  await clearIfHolds(pending);
  await browser.storage.session.remove(PENDING_CLEAR_KEY);
  await browser.alarms.clear(CLEAR_CLIPBOARD_ALARM);
}

/** The person turned the option off: nothing is cleared later. */
export async function cancelClipboardClear(): Promise<void> {
  clearTimeout(timer);
  await browser.storage.session.remove(PENDING_CLEAR_KEY);
  await browser.alarms.clear(CLEAR_CLIPBOARD_ALARM);
}
