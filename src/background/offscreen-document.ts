import { DECODER_IDLE_MS } from '../shared/idle-timer.ts';
import { dropDecoderPort } from './decoder-port.ts';

const OFFSCREEN_PATH = 'offscreen.html';

/**
 * Chrome's offscreen document: created on demand (a scan, a clipboard clear that is due), and it closes
 * itself once idle for DECODER_IDLE_MS (src/offscreen/offscreen.ts). This background run remembers the one
 * it opened or found, so a scan does not ask the browser each time; it asks again when the document may
 * have closed meanwhile (idle that long, or a message found no one to answer).
 */
let ready: Promise<void> | undefined;
let lastUse = Number.NEGATIVE_INFINITY;
/** The known document was opened for a scan or asked to start its worker. */
let decoderRunning = false;

/** Whether the known document started its decoder worker (opened for a scan, or asked to). */
export function decoderStarted(): boolean {
  return decoderRunning;
}

/** The document was asked to start its worker (`decoder-prepare`). */
export function noteDecoderStarted(): void {
  decoderRunning = true;
}

/**
 * Opens the document, or finds it open. No `runtime.getContexts` first: asking would cost a round trip on
 * every first scan; the browser refuses a second document instead, which says the same.
 */
async function open(prepareDecoder: boolean): Promise<'created' | 'found'> {
  try {
    await chrome.offscreen.createDocument({
      // `#decode`: a scan is coming, start the decoder worker as the document opens (src/offscreen).
      url: prepareDecoder ? `${OFFSCREEN_PATH}#decode` : OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS, chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Decode QR codes in a Web Worker; empty the clipboard a minute after a key was copied.',
    });
    return 'created';
  } catch (error) {
    if (!/single offscreen document/i.test(String(error))) throw error;
    return 'found';
  }
}

/**
 * Opens the offscreen document unless it is known to be open; concurrent callers share one promise.
 * `prepareDecoder`: opened for a scan, so its worker starts at once.
 */
export function ensureOffscreenDocument(prepareDecoder = false): Promise<void> {
  // Half the idle time is a safe margin: the document counts its own idle time from its last answer.
  if (performance.now() - lastUse > DECODER_IDLE_MS / 2) forgetOffscreenDocument();
  lastUse = performance.now();
  ready ??= open(prepareDecoder).then(
    (how) => {
      if (how === 'created' && prepareDecoder) decoderRunning = true;
    },
    (error: unknown) => {
      forgetOffscreenDocument();
      throw error;
    },
  );
  return ready;
}

/** A message found no offscreen document: it closed itself. */
export function forgetOffscreenDocument(): void {
  ready = undefined;
  decoderRunning = false;
  dropDecoderPort();
}

/** The document is known open and was used a moment ago: its worker still runs (it idles out later). */
export function offscreenDocumentFresh(): boolean {
  return ready !== undefined && performance.now() - lastUse <= DECODER_IDLE_MS / 2;
}

/** The document (its worker, on the direct line) answered now. */
export function noteOffscreenUse(): void {
  lastUse = performance.now();
}

/** The browser's answer when no context listens for a message (the document closed itself meanwhile). */
export function isNoReceiver(error: unknown): boolean {
  return /Receiving end does not exist|message port closed before a response/i.test(String(error));
}

/**
 * Sends a message that the offscreen document answers, opening it first. A document that closed itself
 * just before (idle) is opened again and the message sent once more.
 */
export async function sendToOffscreen<T>(send: () => Promise<T>, prepareDecoder = false): Promise<T> {
  await ensureOffscreenDocument(prepareDecoder);
  try {
    const answer = await send();
    lastUse = performance.now();
    return answer;
  } catch (error) {
    if (!isNoReceiver(error)) throw error;
    forgetOffscreenDocument();
    await ensureOffscreenDocument(prepareDecoder);
    return send();
  }
}
