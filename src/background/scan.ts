import { grabImage } from '../grab/grab-image.ts';
import { isGrabResult } from '../grab/grab-result.ts';
import browser from '../shared/browser.ts';
import type { Decoder } from '../shared/decoder.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import type { ScanSource } from '../shared/scan-state.ts';
import { writeScan } from '../shared/scan-store.ts';
import { captureVisibleTab } from './capture.ts';
import { MENU_READ_IMAGE, MENU_SCAN_PAGE } from './menus.ts';
import { openResultPopup } from './open-popup.ts';

/** Identifies this run of the background: a `scanning` state owned by another run was interrupted. */
export const INSTANCE_ID = crypto.randomUUID();

/**
 * The scan this background run started last. It only guards in-flight work (which dies with the worker
 * anyway): an older scan finishing late must never overwrite a newer one.
 */
let latestScanId: string | undefined;

export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
  frameId?: number;
}

export interface ClickedTab {
  id?: number;
  windowId?: number;
}

/**
 * The menu click: records `scanning` and opens the popup before returning (both synchronously issued),
 * then grabs, decodes and records the outcome.
 */
export function startScan(
  info: MenuClick,
  tab: ClickedTab | undefined,
  decoder: Decoder,
  { showPopup = true }: { showPopup?: boolean } = {},
): void {
  if (info.menuItemId !== MENU_READ_IMAGE && info.menuItemId !== MENU_SCAN_PAGE) return;
  const source: ScanSource = info.menuItemId === MENU_READ_IMAGE ? 'image' : 'page';
  const scanId = crypto.randomUUID();
  latestScanId = scanId;
  void writeScan({ state: 'scanning', scanId, source, startedAt: Date.now(), owner: INSTANCE_ID });
  if (showPopup) openResultPopup();
  void scan(info, tab, source, decoder)
    .catch((error: unknown): ScanOutcome => {
      console.warn('QR Key Reader: scan failed', error);
      return { ok: false, error: 'decoder-failed' };
    })
    .then((outcome) => {
      if (latestScanId !== scanId) return;
      const finishedAt = Date.now();
      return writeScan(
        outcome.ok
          ? { state: 'done', scanId, source, finishedAt, codes: outcome.codes }
          : { state: 'error', scanId, source, finishedAt, error: outcome.error },
      );
    });
}

async function scan(
  info: MenuClick,
  tab: ClickedTab | undefined,
  source: ScanSource,
  decoder: Decoder,
): Promise<ScanOutcome> {
  if (tab?.id === undefined || tab.windowId === undefined) return { ok: false, error: 'protected-page' };
  if (source === 'page' || info.srcUrl === undefined) {
    const dataUrl = await captureOrNull(tab.windowId);
    if (!dataUrl) return { ok: false, error: 'protected-page' };
    return outcomeOfDecode(await decoder.decode({ dataUrl }), source);
  }
  let injected: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [info.frameId ?? 0] },
      func: grabImage,
      args: [info.srcUrl],
    });
    injected = injection?.result;
  } catch {
    return { ok: false, error: 'protected-page' };
  }
  if (!isGrabResult(injected)) return { ok: false, error: 'image-unreadable' };
  if (injected.ok) return outcomeOfDecode(await decoder.decode({ dataUrl: injected.dataUrl }), source);
  if (injected.reason === 'not-found') return { ok: false, error: 'image-not-found' };
  if (injected.reason === 'broken' || !injected.rect || !injected.viewportWidth) {
    return { ok: false, error: 'image-unreadable' };
  }
  const dataUrl = await captureOrNull(tab.windowId);
  if (!dataUrl) return { ok: false, error: 'capture-failed' };
  return outcomeOfDecode(
    await decoder.decode({ dataUrl, crop: injected.rect, cropBasisWidth: injected.viewportWidth }),
    source,
  );
}

async function captureOrNull(windowId: number): Promise<string | undefined> {
  try {
    return await captureVisibleTab(windowId);
  } catch {
    return undefined;
  }
}
