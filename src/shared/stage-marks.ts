/**
 * The stages of one scan, as User Timing marks (`performance.mark('qrkr:<stage>')`) in each context that
 * takes part: the background, the offscreen document, the decoder worker. They carry a name and a time,
 * nothing read from a page or a code, and stay in the context that made them (DevTools' Performance panel
 * and `npm run bench:e2e` read them). The background forgets the previous scan's marks when a scan starts;
 * the offscreen document and the worker keep theirs only as long as they live (they close when idle).
 */
export type Stage =
  /** Background: the menu click (or the popup's "Scan this page") arrived. */
  | 'click'
  /** Background: grab.js is in the frame. */
  | 'grab-injected'
  /** Background: the grab answered (pixels read, or where the image is on screen). */
  | 'grabbed'
  /** Background: the screenshot is taken. */
  | 'screenshot'
  /** Background: the image left for the decoder. */
  | 'decode-sent'
  /** Offscreen document (Chrome): the image arrived. */
  | 'offscreen-received'
  /** Worker: its script runs (the decoder is starting). */
  | 'worker-started'
  /** Worker: zxing-wasm is compiled and ready. */
  | 'wasm-ready'
  /** Offscreen document (Chrome): its script runs. */
  | 'offscreen-started'
  /** Worker: the image arrived. */
  | 'worker-received'
  /** Worker: its pixels are ready (encoded image decoded, cropped). */
  | 'pixels-ready'
  /** Worker: the QR decoder answered. */
  | 'worker-decoded'
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
