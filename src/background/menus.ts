import browser from '../shared/browser.ts';

/** Menu ids: fixed by CONTRACT.md, used by acceptance tests. */
export const MENU_READ_IMAGE = 'read-qr-image';
export const MENU_SCAN_PAGE = 'scan-qr-page';

/** Creates the context menu items; called from `runtime.onInstalled` (items persist across restarts). */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_READ_IMAGE,
    title: browser.i18n.getMessage('menuReadImage'),
    contexts: ['image'],
  });
  browser.contextMenus.create({
    id: MENU_SCAN_PAGE,
    title: browser.i18n.getMessage('menuScanPage'),
    contexts: ['page', 'frame', 'link', 'selection', 'editable', 'video'],
  });
}
