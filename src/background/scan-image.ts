import type { Rect } from '../core/rect.ts';
import { fromFrame, grow, visiblePart } from '../grab/geometry.ts';
import { type ImageGrab, isFrameGrab, isImageGrab } from '../grab/grab-result.ts';
import type { Decoder } from '../shared/decoder.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import type { ScanErrorCode } from '../shared/scan-state.ts';
import { runGrab } from './inject.ts';
import { likelyTainted } from './likely-tainted.ts';
import { refusal } from './refusal.ts';
import type { MenuClick } from './scan.ts';
import { cropOf, type Screenshot, takeScreenshot, withViewport } from './screenshot.ts';

/** Room around an element cut from a screenshot: the code's quiet zone may be the page around it. */
const CROP_MARGIN = 8;

interface Target {
  tabId: number;
  windowId: number;
}

/**
 * The image menu. The grab runs in the clicked frame and reads the image directly where it can; otherwise
 * the image is read from a screenshot, cut to where it is on screen (offset by its frame's position when it
 * is in a frame). A frame the extension may not enter (cross-origin: `activeTab` covers only the tab's own
 * origin) is cut from the screenshot as a whole.
 */
export async function scanImage(info: MenuClick, tab: Target, decoder: Decoder): Promise<ScanOutcome> {
  const frameId = info.frameId ?? 0;
  // A cross-origin image will most likely be read from a screenshot: take it while the grab runs.
  const early =
    frameId === 0 && likelyTainted(info.srcUrl, info.pageUrl)
      ? takeScreenshot(tab.windowId, undefined)
      : undefined;
  let grabbed: unknown;
  try {
    grabbed = await runGrab(tab.tabId, frameId, 'grabImage', [info.srcUrl ?? '', info.targetElementId]);
  } catch (error) {
    console.warn('QR Key Reader: the grab was refused', String(error));
    return frameId === 0 ? readViewport(info, tab, decoder, early) : readFrameFromScreen(info, tab, decoder);
  }
  if (!isImageGrab(grabbed)) return { ok: false, error: 'image-unreadable' };
  switch (grabbed.kind) {
    case 'pixels':
      return outcomeOfDecode(await decoder.decode({ dataUrl: grabbed.dataUrl }), 'image');
    case 'not-found':
      // Not an element the grab knows (a closed shadow root, an SVG <image>): the screen still shows it.
      return readViewport(info, tab, decoder, early, 'image-not-found');
    case 'broken':
      return { ok: false, error: 'image-unreadable' };
    case 'on-screen':
      // The early screenshot still shows the image where the grab measured it, unless the grab scrolled.
      return readFromScreen(grabbed, info, tab, decoder, grabbed.scrolled ? undefined : early);
  }
}

async function readFromScreen(
  grabbed: Extract<ImageGrab, { kind: 'on-screen' }>,
  info: MenuClick,
  tab: Target,
  decoder: Decoder,
  early: Promise<Screenshot | undefined> | undefined,
): Promise<ScanOutcome> {
  let rect: Rect | undefined = grabbed.rect;
  let viewport = grabbed.viewport;
  if ((info.frameId ?? 0) !== 0) {
    const frame = await locateFrame(tab, info.frameUrl);
    if (!frame) return readFrameFromScreen(info, tab, decoder);
    viewport = frame.viewport;
    rect = frame.box && fromFrame(rect, frame.box);
  }
  const visible = rect && visiblePart(rect, viewport);
  if (!visible) return { ok: false, error: 'image-not-found' };
  const earlyShot = await early;
  const shot = earlyShot ? withViewport(earlyShot, viewport) : await takeScreenshot(tab.windowId, viewport);
  if (!shot) return { ok: false, error: 'capture-failed' };
  const image = cropOf(shot, grow(visible, CROP_MARGIN, { x: 0, y: 0, ...viewport }));
  if (!image) return { ok: false, error: 'image-not-found' };
  return outcomeOfDecode(await decoder.decode(image), 'image');
}

/** The clicked frame, as the top frame shows it: its whole visible box is read from a screenshot. */
async function readFrameFromScreen(info: MenuClick, tab: Target, decoder: Decoder): Promise<ScanOutcome> {
  const frame = await locateFrame(tab, info.frameUrl);
  const shot = await takeScreenshot(tab.windowId, frame?.viewport);
  if (!shot) return { ok: false, error: await refusal(info.pageUrl) };
  const box = frame?.box && visiblePart(frame.box, frame.viewport);
  const image = box ? cropOf(shot, box) : { dataUrl: shot.dataUrl };
  return outcomeOfDecode(await decoder.decode(image ?? { dataUrl: shot.dataUrl }), 'image');
}

/**
 * The grab could not reach the image (a page that refuses scripts, like a PDF; an element the grab cannot
 * see): a screenshot may still be allowed, and the codes in it are better than a refusal. Without any, the
 * person learns why (`otherwise`, or why the page refused).
 */
async function readViewport(
  info: MenuClick,
  tab: Target,
  decoder: Decoder,
  early: Promise<Screenshot | undefined> | undefined,
  otherwise?: ScanErrorCode,
): Promise<ScanOutcome> {
  const shot = (await early) ?? (await takeScreenshot(tab.windowId, undefined));
  if (shot) {
    const outcome = outcomeOfDecode(await decoder.decode({ dataUrl: shot.dataUrl }), 'image');
    if (outcome.ok) return outcome;
  }
  return { ok: false, error: otherwise ?? (await refusal(info.pageUrl)) };
}

async function locateFrame(tab: Target, frameUrl: string | undefined) {
  if (!frameUrl) return undefined;
  try {
    const found = await runGrab(tab.tabId, 0, 'locateFrame', [frameUrl]);
    return isFrameGrab(found) && found.box ? { box: found.box, viewport: found.viewport } : undefined;
  } catch {
    return undefined;
  }
}
