import browser from '../shared/browser.ts';
import { SCAN_PAGE_COMMAND } from '../shared/commands.ts';
import type { ClickedTab } from './scan.ts';

/**
 * "Scan this page for QR codes" by keyboard (manifest `commands`, Alt+Shift+Q unless the person changed
 * it). The browser grants `activeTab` on the tab in front for a command, as for a menu click, and passes
 * that tab.
 */
export function registerScanShortcut(scanPage: (tab: ClickedTab | undefined) => void): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SCAN_PAGE_COMMAND) scanPage(tab);
  });
}
