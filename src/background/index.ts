import browser from '../shared/browser.ts';
import type { Decoder } from '../shared/decoder.ts';
import { type Handlers, makeListener } from '../shared/messages.ts';
import { EXPIRE_ALARM, expireScan, readStoredScan, recordInterrupted } from '../shared/scan-store.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';
import { registerClipboardClear } from './clipboard-clear.ts';
import { ServiceWorkerDecoder } from './decoder-in-service-worker.ts';
import { createMenus, MENU_READ_IMAGE, MENU_SCAN_PAGE } from './menus.ts';
import { registerOnboarding } from './onboarding.ts';
import { readOwnPageAsPageScan } from './own-page.ts';
import { hasStartedScan, INSTANCE_ID, startScan } from './scan.ts';
import { registerScanShortcut } from './shortcut.ts';

/*
 * The background (Chrome service worker, Firefox event page). Every listener is registered synchronously
 * at top level, so an event that wakes the worker finds its listener.
 */

/**
 * Where the decoder runs. Chrome's service worker cannot start a Web Worker: it decodes itself
 * (decoder-in-service-worker.ts). Firefox's event page starts the decoder worker. `__BROWSER__` is fixed by
 * build.mjs, so each build carries only its own branch.
 */
const decoder: Decoder =
  __BROWSER__ === 'chrome'
    ? new ServiceWorkerDecoder(browser.runtime.getURL('zxing_reader.wasm'))
    : new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'));

const OWN_ORIGIN = new URL(browser.runtime.getURL('')).origin;

browser.runtime.onInstalled.addListener(() => {
  void createMenus();
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  startScan(readOwnPageAsPageScan(info, OWN_ORIGIN, MENU_READ_IMAGE, MENU_SCAN_PAGE), tab, decoder);
});

// Firefox: a context menu on an image is showing, so the person may be about to pick "Read QR code": the
// decoder worker starts (and its wasm compiles) now, off the click's path. Unused, it ends when idle, as
// after a scan. Chrome has no such event; its first decode compiles while the grab reads the page.
if (__BROWSER__ === 'firefox') {
  browser.menus.onShown.addListener((info) => {
    if (info.contexts.includes('image')) decoder.prepare();
  });
}

// The keyboard shortcut (manifest `commands`): the menu's page scan of the tab in front.
registerScanShortcut((tab) => startScan({ menuItemId: MENU_SCAN_PAGE }, tab, decoder));

const handlers: Handlers<'scan-tab'> = {
  'scan-tab': async ({ tabId, windowId }) => {
    startScan({ menuItemId: MENU_SCAN_PAGE }, { id: tabId, windowId }, decoder, { showPopup: false });
    return { started: true };
  },
};

browser.runtime.onMessage.addListener(makeListener(handlers, browser.runtime.id, OWN_ORIGIN));

registerOnboarding();
registerClipboardClear();

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === EXPIRE_ALARM) void expireScan();
});

/**
 * A `scanning` state left by an earlier run of this worker can never finish: say so instead of spinning.
 * The read may answer with the state from before a menu click that woke this run; that click's own scan
 * then wins, and the check is skipped.
 */
void readStoredScan().then((scan) => {
  if (hasStartedScan()) return undefined;
  if (scan.state === 'scanning' && scan.source !== 'file' && scan.owner !== INSTANCE_ID) {
    return recordInterrupted(scan);
  }
  return undefined;
});
