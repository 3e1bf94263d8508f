import browser from '../shared/browser.ts';
import { markStage } from '../shared/stage-marks.ts';
import { captureQueue } from './capture-queue.ts';

/**
 * A PNG data: URL of the visible part of the tab, in device pixels. Needs `activeTab` (granted by the menu
 * click). Captures are queued and spaced under Chromium's limit of about two a second, and one refused
 * for the rate anyway is retried (capture-queue.ts); other failures (protected page) throw.
 *
 * The queue's state only paces in-flight work: lost with the worker, which is harmless (the retries
 * cover a capture made just before).
 */
export const captureVisibleTab = captureQueue(
  (windowId: number) => {
    markStage('capture-asked');
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  },
  { spacingMs: 520, retryDelaysMs: [300, 550, 800, 1100, 1500] },
);
