/**
 * The stages of one scan, as User Timing marks (`performance.mark('qrkr:<stage>')`) in each context that
 * takes part: the background (which is also Chrome's decoder), the decoder worker (Firefox, the popup). They carry a name and a time,
 * nothing read from a page or a code, and stay in the context that made them (DevTools' Performance panel
 * and `npm run bench:e2e` read them). The background forgets the previous scan's marks when a scan starts;
 * a worker keeps its own only as long as it lives (it ends when idle).
 */
export type Stage =
  /** Background: the menu click (or the popup's "Scan this page") arrived. */
  | 'click'
  /** Background: grab.js is in the frame. */
  | 'grab-injected'
  /** Background: the grab answered (pixels read, or where the image is on screen). */
  | 'grabbed'
  /** Background: `captureVisibleTab` is called (after any wait the capture queue's spacing asked for). */
  | 'capture-asked'
  /** Background: the screenshot is taken. */
  | 'screenshot'
  /** Background: the image left for the decoder. */
  | 'decode-sent'
  /** Worker: its script runs (the decoder is starting). */
  | 'worker-started'
  /** Decoder (its worker, or Chrome's service worker): zxing-wasm is compiled and ready. */
  | 'wasm-ready'
  /** Decoder: the canvas that turns images into pixels is made. */
  | 'canvas-ready'
  /** Decoder: the image arrived. */
  | 'decoder-received'
  /** Decoder: its pixels are ready (encoded image decoded, cropped). */
  | 'pixels-ready'
  /** Decoder: the QR decoder answered. */
  | 'decoder-answered'
  /** Decoder (Chrome's service worker): idle, it let go of the wasm module and its heap. */
  | 'decoder-released'
  /** Background: the decoder's answer is back. */
  | 'decoded'
  /** Background: the scan state is written. */
  | 'state-written';

export const STAGE_PREFIX = 'qrkr:';

export function markStage(stage: Stage): void {
  performance.mark(`${STAGE_PREFIX}${stage}`);
}

/** Forgets this context's marks of earlier scans. */
export function clearStages(): void {
  for (const entry of performance.getEntriesByType('mark')) {
    if (entry.name.startsWith(STAGE_PREFIX)) performance.clearMarks(entry.name);
  }
}
