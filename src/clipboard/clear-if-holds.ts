import { digestOf } from './digest.ts';
import { type PendingClear, shouldClear } from './pending-clear.ts';

/** Reads the clipboard's text: the async Clipboard API where the page has focus, else `execCommand`. */
async function readClipboard(): Promise<string | undefined> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    const pasted = document.execCommand('paste');
    const text = area.value;
    area.remove();
    return pasted ? text : undefined;
  }
}

/** Replaces the clipboard's content with an empty text. */
async function emptyClipboard(): Promise<boolean> {
  try {
    await navigator.clipboard.writeText('');
    return true;
  } catch {
    const onCopy = (event: ClipboardEvent): void => {
      event.clipboardData?.setData('text/plain', '');
      event.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    const copied = document.execCommand('copy');
    document.removeEventListener('copy', onCopy);
    return copied;
  }
}

/**
 * Empties the clipboard if it still holds the copied key; leaves anything else the person copied alone.
 * Works in the popup, Chrome's offscreen document and Firefox's event page (all have a document).
 */
export async function clearIfHolds(pending: PendingClear): Promise<boolean> {
  const text = await readClipboard();
  if (!shouldClear(text === undefined ? undefined : await digestOf(text), pending)) return false;
  return emptyClipboard();
}
