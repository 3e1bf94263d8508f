import { afterPaint } from './draw.ts';
import { frameContentBox, fullyVisible, type Size } from './geometry.ts';
import type { FrameGrab } from './grab-result.ts';

/**
 * Page side, in the parent of a frame: finds the `<iframe>`/`<frame>` showing `frameUrl`, scrolls it into
 * view and reports where its document is drawn (its content box, which may reach outside the viewport).
 */
export async function locateFrame(frameUrl: string): Promise<FrameGrab> {
  const frames = Array.from(document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'));
  const frame =
    frames.find((f) => currentUrl(f) === frameUrl) ??
    frames.find((f) => withoutHash(currentUrl(f)) === withoutHash(frameUrl));
  const viewport: Size = { width: window.innerWidth, height: window.innerHeight };
  if (!frame) return { box: undefined, viewport };
  if (!fullyVisible(frame.getBoundingClientRect(), viewport)) {
    frame.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    await afterPaint();
  }
  const style = getComputedStyle(frame);
  const edges = (kind: 'border' | 'padding') => {
    const px = (side: string) =>
      Number.parseFloat(
        style.getPropertyValue(kind === 'border' ? `border-${side}-width` : `padding-${side}`),
      ) || 0;
    return { top: px('top'), right: px('right'), bottom: px('bottom'), left: px('left') };
  };
  const box = frameContentBox(frame.getBoundingClientRect(), edges('border'), edges('padding'));
  return { box, viewport };
}

/** The frame's address: its document's, when same-origin; its `src` otherwise. */
function currentUrl(frame: HTMLIFrameElement | HTMLFrameElement): string {
  try {
    const href = frame.contentWindow?.location.href;
    if (href && href !== 'about:blank') return href;
  } catch {
    // Cross-origin: the document's address is hidden; the element's src is what loaded it.
  }
  return frame.src;
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
