import browser from '../shared/browser.ts';
import { sendMessage } from '../shared/send.ts';

export type ScanRequestResult = 'started' | 'no-page' | 'failed';

/**
 * "Scan this page": the tab in front of the browser window the popup belongs to. In the toolbar popup
 * that is the current window's active tab; when the popup is a window or tab of its own, it is the active
 * tab of the last focused normal window, which must then not be this page itself.
 */
async function targetTab(): Promise<{ tabId: number; windowId: number } | undefined> {
  const self = await browser.tabs.getCurrent();
  let tab: { id?: number; windowId?: number } | undefined;
  if (self === undefined) {
    [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  } else {
    // `windowTypes` is in Chrome's and Firefox's API but missing from the polyfill's typings.
    const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] } as {
      populate?: boolean;
    });
    [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  }
  if (tab?.id === undefined || tab.windowId === undefined || tab.id === self?.id) return undefined;
  return { tabId: tab.id, windowId: tab.windowId };
}

export async function scanThisPage(): Promise<ScanRequestResult> {
  try {
    const target = await targetTab();
    if (!target) return 'no-page';
    const { started } = await sendMessage<'scan-tab'>({ type: 'scan-tab', ...target });
    return started ? 'started' : 'failed';
  } catch {
    return 'failed';
  }
}
