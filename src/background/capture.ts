import browser from '../shared/browser.ts';

/** Chromium allows about two captures a second; a refused capture is retried after this pause. */
const RETRY_DELAY_MS = 550;
const MAX_ATTEMPTS = 6;

function isQuotaError(error: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i.test(String(error));
}

/**
 * A PNG of the visible part of the tab, in device pixels. Needs `activeTab` (granted by the menu click).
 * Waits and tries again when the browser's rate limit refuses a capture; other failures are thrown.
 */
export async function captureVisibleTab(windowId: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    } catch (error) {
      if (!isQuotaError(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}
