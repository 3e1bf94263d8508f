import type { GrabResult } from './grab-result.ts';

/**
 * Injected into the page with `scripting.executeScript` (so it must be self-contained: no imports, no
 * outer variables). Finds the right-clicked image by its URL and returns its pixels as a PNG data: URL
 * where the browser allows reading them; otherwise says why, with where the image sits on screen.
 */
export async function grabImage(srcUrl: string): Promise<GrabResult> {
  const images = Array.from(document.images).filter((img) => img.currentSrc === srcUrl || img.src === srcUrl);
  const img = images.find((candidate) => candidate.getClientRects().length > 0) ?? images[0];
  if (!img) return { ok: false, reason: 'not-found' };
  if (!img.complete) await img.decode().catch(() => undefined);
  if (img.naturalWidth === 0 || img.naturalHeight === 0) return { ok: false, reason: 'broken' };
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) return { ok: false, reason: 'broken' };
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(img, 0, 0);
  try {
    return { ok: true, dataUrl: canvas.toDataURL('image/png') };
  } catch {
    const box = img.getBoundingClientRect();
    return {
      ok: false,
      reason: 'tainted',
      rect: { x: box.x, y: box.y, width: box.width, height: box.height },
      viewportWidth: window.innerWidth,
    };
  }
}
