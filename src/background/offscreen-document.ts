import { DECODER_IDLE_MS } from '../shared/idle-timer.ts';

const OFFSCREEN_PATH = 'offscreen.html';

/**
 * Chrome's offscreen document, which empties the clipboard (a service worker has none): opened when a clear
 * is due, and it closes itself once idle for DECODER_IDLE_MS (src/offscreen/offscreen.ts). This background
 * run remembers the one it opened or found, and asks again when the document may have closed meanwhile
 * (idle that long, or a message found no one to answer).
 */
let ready: Promise<void> | undefined;
let lastUse = Number.NEGATIVE_INFINITY;

/**
 * Opens the document, or finds it open. No `runtime.getContexts` first: the browser refuses a second
 * document, which says the same without a round trip.
 */
async function open(): Promise<void> {
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Empty the clipboard a minute after a key was copied, if it still holds that key.',
    });
  } catch (error) {
    if (!/single offscreen document/i.test(String(error))) throw error;
  }
}

/** Opens the offscreen document unless it is known to be open; concurrent callers share one promise. */
function ensureOffscreenDocument(): Promise<void> {
  // Half the idle time is a safe margin: the document counts its own idle time from its last answer.
  if (performance.now() - lastUse > DECODER_IDLE_MS / 2) ready = undefined;
  lastUse = performance.now();
  ready ??= open().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** The browser's answer when no context listens for a message (the document closed itself meanwhile). */
function isNoReceiver(error: unknown): boolean {
  return /Receiving end does not exist|message port closed before a response/i.test(String(error));
}

/**
 * Sends a message that the offscreen document answers, opening it first. A document that closed itself
 * just before (idle) is opened again and the message sent once more.
 */
export async function sendToOffscreen<T>(send: () => Promise<T>): Promise<T> {
  await ensureOffscreenDocument();
  try {
    const answer = await send();
    lastUse = performance.now();
    return answer;
  } catch (error) {
    if (!isNoReceiver(error)) throw error;
    ready = undefined;
    await ensureOffscreenDocument();
    return send();
  }
}
