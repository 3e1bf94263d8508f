import type { DecodeResult } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import { isPageGrab, type PageGrab } from '../grab/grab-result.ts';
import type { Decoder } from '../shared/decoder.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import { runGrab } from './inject.ts';
import { alreadyRead, mergeCodes, type PlacedResult, placesOf } from './merge-codes.ts';
import { refusal } from './refusal.ts';
import type { MenuClick } from './scan.ts';
import { cropOf, takeScreenshot, withViewport } from './screenshot.ts';

interface Target {
  tabId: number;
  windowId: number;
}

/**
 * The page menu: every QR code visible in the tab. The screenshot of the viewport is decoded whole (it
 * shows everything, frames included), and so is each candidate element: read directly where the page
 * allows (sharper than the screen when scaled down), cut from the screenshot otherwise (one code per
 * element even from a decoder that stops at the first). The same text found twice is kept once.
 *
 * Decodes go one after another: the decoder worker cancels a decode when a newer one arrives (a newer
 * scan replaces an older one), so this scan's own decodes must not overlap.
 */
export async function scanPage(info: MenuClick, tab: Target, decoder: Decoder): Promise<ScanOutcome> {
  const collecting = collect(tab.tabId);
  const shot = await takeScreenshot(tab.windowId, undefined);
  // The whole screenshot is decoded while the page is still being looked through.
  const whole = shot && decoder.decode({ dataUrl: shot.dataUrl });
  const page = await collecting;
  if (!page && !shot) return { ok: false, error: await refusal(info.pageUrl) };
  const placed = shot && page ? withViewport(shot, page.viewport) : shot;
  const results: PlacedResult[] = [];
  const found: Rect[] = [];
  const add = (result: DecodeResult, at: Rect, scale?: number) => {
    const placedResult: PlacedResult = scale === undefined ? { result, at } : { result, at, scale };
    results.push(placedResult);
    found.push(...placesOf(placedResult));
  };
  if (whole && placed) {
    const result = await whole;
    if (!result.ok && result.error.code === 'cancelled') return outcomeOfDecode(result, 'page');
    add(result, { x: 0, y: 0, width: 0, height: 0 }, placed.scale);
  }
  const jobs: { image: EncodedImage; at: Rect }[] = [];
  for (const { dataUrl, rect } of page?.pixels ?? []) jobs.push({ image: { dataUrl }, at: rect });
  for (const rect of placed ? (page?.onScreen ?? []) : []) {
    const image = placed && cropOf(placed, rect);
    if (image) jobs.push({ image, at: rect });
  }
  for (const { image, at } of jobs) {
    // An element holding a code already read (in the whole screenshot) is not decoded again.
    if (alreadyRead(at, found)) continue;
    const result = await decoder.decode(image);
    if (!result.ok && result.error.code === 'cancelled') return outcomeOfDecode(result, 'page');
    add(result, at);
  }
  const merged: DecodeResult = mergeCodes(results);
  if (merged.ok && merged.codes.length === 0) {
    // The page refused the extension (Firefox still allows the screenshot of its about: pages and of the
    // sites it protects): why it refused says more than "no code visible".
    if (!page) return { ok: false, error: await refusal(info.pageUrl) };
    if (!shot) return { ok: false, error: 'capture-failed' };
  }
  return outcomeOfDecode(merged, 'page');
}

async function collect(tabId: number): Promise<PageGrab | undefined> {
  try {
    const page = await runGrab(tabId, 0, 'collectPage', []);
    return isPageGrab(page) ? page : undefined;
  } catch {
    return undefined;
  }
}
