import type { DecodeResult } from '../core/qr/types.ts';
import { isPageGrab, type PageGrab } from '../grab/grab-result.ts';
import type { Decoder } from '../shared/decoder.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import type { Rect } from '../shared/geometry.ts';
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

interface Job {
  image: EncodedImage;
  at: Rect;
  scale?: number;
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
  const [page, shot] = await Promise.all([collect(tab.tabId), takeScreenshot(tab.windowId, undefined)]);
  if (!page && !shot) return { ok: false, error: await refusal(info.pageUrl) };
  const placed = shot && page ? withViewport(shot, page.viewport) : shot;
  const jobs: Job[] = [];
  if (placed)
    jobs.push({
      image: { dataUrl: placed.dataUrl },
      at: { x: 0, y: 0, width: 0, height: 0 },
      scale: placed.scale,
    });
  for (const { dataUrl, rect } of page?.pixels ?? []) jobs.push({ image: { dataUrl }, at: rect });
  for (const rect of placed ? (page?.onScreen ?? []) : []) {
    const image = placed && cropOf(placed, rect);
    if (image) jobs.push({ image, at: rect });
  }
  const results: PlacedResult[] = [];
  const found: Rect[] = [];
  for (const { image, at, scale } of jobs) {
    // The whole screenshot is decoded first: an element holding a code it already read is skipped.
    if (scale === undefined && alreadyRead(at, found)) continue;
    const result = await decoder.decode(image);
    if (!result.ok && result.error.code === 'cancelled') return outcomeOfDecode(result, 'page');
    const placedResult: PlacedResult = scale === undefined ? { result, at } : { result, at, scale };
    results.push(placedResult);
    found.push(...placesOf(placedResult));
  }
  const merged: DecodeResult = mergeCodes(results);
  if (!shot && merged.ok && merged.codes.length === 0) return { ok: false, error: 'capture-failed' };
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
