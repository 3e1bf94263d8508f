import type { DecodeResult } from '../core/qr/types.ts';
import { isPageGrab, type PageGrab } from '../grab/grab-result.ts';
import type { Decoder } from '../shared/decoder.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import { runGrab } from './inject.ts';
import { mergeCodes, type PlacedResult } from './merge-codes.ts';
import { refusal } from './refusal.ts';
import type { MenuClick } from './scan.ts';
import { cropOf, type Screenshot, takeScreenshot, withViewport } from './screenshot.ts';

interface Target {
  tabId: number;
  windowId: number;
}

/**
 * The page menu: every QR code visible in the tab. The screenshot of the viewport is decoded whole (it
 * shows everything, frames included), and so is each candidate element: read directly where the page
 * allows (sharper than the screen), cut from the screenshot otherwise (a decoder that finds one code an
 * image still finds one per element). The same text found twice is kept once.
 */
export async function scanPage(info: MenuClick, tab: Target, decoder: Decoder): Promise<ScanOutcome> {
  const [page, shot] = await Promise.all([collect(tab.tabId), takeScreenshot(tab.windowId, undefined)]);
  if (!page && !shot) return { ok: false, error: await refusal(info.pageUrl) };
  const placed = shot && page ? withViewport(shot, page.viewport) : shot;
  const decodes: Promise<PlacedResult>[] = [];
  if (placed) {
    decodes.push(
      place(decoder.decode({ dataUrl: placed.dataUrl }), { x: 0, y: 0, width: 0, height: 0 }, placed.scale),
    );
  }
  for (const { dataUrl, rect } of page?.pixels ?? []) decodes.push(place(decoder.decode({ dataUrl }), rect));
  if (placed) for (const rect of page?.onScreen ?? []) decodes.push(...cropDecode(placed, rect, decoder));
  const merged: DecodeResult = mergeCodes(await Promise.all(decodes));
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

function cropDecode(shot: Screenshot, rect: PageGrab['onScreen'][number], decoder: Decoder) {
  const image = cropOf(shot, rect);
  return image ? [place(decoder.decode(image), rect)] : [];
}

async function place(
  result: Promise<DecodeResult>,
  at: PlacedResult['at'],
  scale?: number,
): Promise<PlacedResult> {
  return scale === undefined ? { result: await result, at } : { result: await result, at, scale };
}
