import browser from '../shared/browser.ts';
import type { Decoder } from '../shared/decoder.ts';
import { connectScanLock } from '../shared/scan-lock.ts';
import type { ScanOutcome } from '../shared/scan-outcome.ts';
import type { ScanSource } from '../shared/scan-state.ts';
import { finishScan, writeScan } from '../shared/scan-store.ts';
import { clearStages, markStage } from '../shared/stage-marks.ts';
import { MENU_READ_IMAGE, MENU_SCAN_PAGE } from './menus.ts';
import { openResultPopup } from './open-popup.ts';
import { refusal } from './refusal.ts';
import { scanImage } from './scan-image.ts';
import { scanPage } from './scan-page.ts';

/** Identifies this run of the background: a `scanning` state owned by another run was interrupted. */
export const INSTANCE_ID = crypto.randomUUID();

/**
 * The scan this background run started last. It only guards in-flight work (which dies with the worker
 * anyway): an older scan finishing late must never overwrite a newer one.
 */
let latestScanId: string | undefined;

/** True once this background run has started a scan (its state then supersedes whatever was stored). */
export function hasStartedScan(): boolean {
  return latestScanId !== undefined;
}

/** The parts of `contextMenus.onClicked`'s `info` a scan uses. */
export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
  frameId?: number;
  frameUrl?: string;
  pageUrl?: string;
  /** Firefox: the element the menu was opened on, for `menus.getTargetElement`. */
  targetElementId?: number;
}

export interface ClickedTab {
  id?: number;
  windowId?: number;
  url?: string;
}

/**
 * The menu click: records `scanning`, asks the page and opens the popup before returning (all
 * synchronously issued), then decodes and records the outcome.
 */
export function startScan(
  info: MenuClick,
  tab: ClickedTab | undefined,
  decoder: Decoder,
  { showPopup = true }: { showPopup?: boolean } = {},
): void {
  if (info.menuItemId !== MENU_READ_IMAGE && info.menuItemId !== MENU_SCAN_PAGE) return;
  clearStages();
  markStage('click');
  const source: ScanSource = info.menuItemId === MENU_READ_IMAGE && info.srcUrl ? 'image' : 'page';
  const scanId = crypto.randomUUID();
  latestScanId = scanId;
  void writeScan({ state: 'scanning', scanId, source, startedAt: Date.now(), owner: INSTANCE_ID });
  // The page is asked first (the grab's request leaves before the browser starts building the popup), then
  // the popup opens, still inside the click, and the decoder gets ready (the wasm compiles; Firefox: its
  // worker starts) while the page is read.
  const scanning = scan(info, tab, source, decoder);
  if (showPopup) openResultPopup();
  if (tab?.id !== undefined) decoder.prepare();
  connectScanLock();
  void scanning
    .catch((error: unknown): ScanOutcome => {
      console.warn('QR Key Reader: scan failed', error);
      return { ok: false, error: 'decoder-failed' };
    })
    .then((outcome) => {
      if (latestScanId !== scanId) return;
      return finishScan(scanId, source, outcome);
    });
}

async function scan(
  info: MenuClick,
  tab: ClickedTab | undefined,
  source: ScanSource,
  decoder: Decoder,
): Promise<ScanOutcome> {
  if (tab?.id === undefined || tab.windowId === undefined) {
    return { ok: false, error: await refusal(info.pageUrl ?? tab?.url) };
  }
  // The popup's "Scan this page" sends no address; `activeTab` (the toolbar click) lets the tab tell it.
  const pageUrl =
    info.pageUrl ??
    tab.url ??
    (await browser.tabs.get(tab.id).then(
      (t) => t.url,
      () => undefined,
    ));
  const target = { tabId: tab.id, windowId: tab.windowId };
  const click = { ...info, pageUrl };
  return source === 'image' ? scanImage(click, target, decoder) : scanPage(click, target, decoder);
}
