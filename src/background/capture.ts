import browser from '../shared/browser.ts';

/**
 * Chromium allows about two captures a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). Captures are
 * queued one after another and spaced by {@link MIN_SPACING_MS}; a capture refused for the rate anyway
 * (another extension call, a restarted worker) is retried after a growing pause.
 */
const MIN_SPACING_MS = 520;
const RETRY_DELAYS_MS = [300, 550, 800, 1100, 1500];

/** Only paces in-flight work: lost with the worker, which is harmless (the retries cover it). */
let queue: Promise<unknown> = Promise.resolve();
let lastCaptureAt = 0;

export function isQuotaError(error: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota|rate/i.test(String(error));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PNG data: URL of the visible part of the tab, in device pixels. Needs `activeTab` (granted by the menu
 * click). Waits and tries again when the browser's rate limit refuses a capture; other failures throw.
 */
export function captureVisibleTab(windowId: number): Promise<string> {
  const run = queue.then(() => captureWithRetries(windowId));
  queue = run.catch(() => undefined);
  return run;
}

async function captureWithRetries(windowId: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const since = Date.now() - lastCaptureAt;
    if (since < MIN_SPACING_MS) await wait(MIN_SPACING_MS - since);
    lastCaptureAt = Date.now();
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!isQuotaError(error) || delay === undefined) throw error;
      await wait(delay);
    }
  }
}
