import type { DecodeResult } from '../core/qr/types.ts';
import { isPageGrab, type PageGrab } from '../grab/grab-result.ts';
import type { Decoder } from '../shared/decoder.ts';
import type { BatchJob, ImageBatch } from '../shared/image-batch.ts';
import { mergeCodes } from '../shared/merge-codes.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import { runGrab } from './inject.ts';
import { refusal } from './refusal.ts';
import type { MenuClick } from './scan.ts';
import { cropOf, takeScreenshot, withViewport } from './screenshot.ts';

interface Target {
  tabId: number;
  windowId: number;
}

const WHOLE = { x: 0, y: 0, width: 0, height: 0 };

/**
 * The page menu: every QR code visible in the tab. The screenshot of the viewport is read whole (it shows
 * everything, frames included), and so is each candidate element: read directly where the page allows
 * (sharper than the screen when scaled down), cut from the screenshot otherwise (one code per element even
 * from a decoder that stops at the first). The same text found twice is kept once.
 *
 * All of it goes to the decoder in one call: the screenshot crosses once and is decoded once, its crops are
 * cut from that, and an element holding a code the screenshot already showed is not read again.
 */
export async function scanPage(info: MenuClick, tab: Target, decoder: Decoder): Promise<ScanOutcome> {
  const collecting = collect(tab.tabId);
  const shot = await takeScreenshot(tab.windowId, undefined);
  const page = await collecting;
  if (!page && !shot) return { ok: false, error: await refusal(info.pageUrl) };
  const placed = shot && page ? withViewport(shot, page.viewport) : shot;
  const batch: ImageBatch = { sources: [], jobs: [] };
  const add = (dataUrl: string, job: Omit<BatchJob, 'source'>) => {
    batch.sources.push(dataUrl);
    batch.jobs.push({ ...job, source: batch.sources.length - 1 });
  };
  if (placed) add(placed.dataUrl, { at: WHOLE, scale: placed.scale });
  for (const { dataUrl, rect } of page?.pixels ?? []) add(dataUrl, { at: rect, skipIfRead: true });
  for (const rect of placed ? (page?.onScreen ?? []) : []) {
    const crop = placed && cropOf(placed, rect);
    if (!crop?.crop) continue;
    batch.jobs.push({
      source: 0,
      crop: crop.crop,
      cropBasisWidth: crop.cropBasisWidth,
      at: rect,
      skipIfRead: true,
    });
  }
  const results = batch.jobs.length > 0 ? await decoder.decodeBatch(batch) : [];
  const cancelled = results.find((r) => !r.ok && r.error.code === 'cancelled');
  if (cancelled) return outcomeOfDecode(cancelled, 'page');
  const merged: DecodeResult = mergeCodes(
    results.map((result, i) => {
      const job = batch.jobs[i];
      return job?.scale === undefined
        ? { result, at: job?.at ?? WHOLE }
        : { result, at: job.at, scale: job.scale };
    }),
  );
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
