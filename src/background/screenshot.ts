import type { Rect } from '../core/rect.ts';
import { captureScale, type Size, toCapturePixels } from '../grab/geometry.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import { markStage } from '../shared/stage-marks.ts';
import { captureVisibleTab } from './capture.ts';
import { pngSize } from './png-size.ts';

/** A screenshot of the viewport and how its pixels relate to the page's CSS pixels. */
export interface Screenshot {
  dataUrl: string;
  size: Size;
  /** Screenshot pixels per CSS pixel: device pixel ratio times page zoom. */
  scale: number;
}

/** Captures the visible tab; undefined when the browser refuses (protected page, tab not in front). */
export async function takeScreenshot(
  windowId: number,
  viewport: Size | undefined,
): Promise<Screenshot | undefined> {
  let dataUrl: string;
  try {
    dataUrl = await captureVisibleTab(windowId);
    markStage('screenshot');
  } catch (error) {
    console.warn('QR Key Reader: capture refused', error);
    return undefined;
  }
  const size = pngSize(dataUrl);
  if (!size) return undefined;
  return { dataUrl, size, scale: viewport ? captureScale(size.width, viewport.width) : 1 };
}

/** The same screenshot with a viewport measured later (the page scan captures while it measures). */
export function withViewport(shot: Screenshot, viewport: Size): Screenshot {
  return { ...shot, scale: captureScale(shot.size.width, viewport.width) };
}

/**
 * The part of the screenshot showing `rect` (CSS pixels of the viewport); undefined when off screen. The
 * crop is in screenshot pixels and says so (`cropBasisWidth` = the screenshot's width), so it stays right
 * when the decoder shrinks a very large screenshot before cutting it.
 */
export function cropOf(shot: Screenshot, rect: Rect): EncodedImage | undefined {
  const crop = toCapturePixels(rect, shot.scale, shot.size);
  return crop && { dataUrl: shot.dataUrl, crop, cropBasisWidth: shot.size.width };
}
