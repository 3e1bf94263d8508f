import type { Rect } from '../core/rect.ts';

/**
 * An image on its way to the decoder: an encoded picture (PNG/JPEG/WebP/SVG as a data: URL, as
 * `captureVisibleTab` and canvas `toDataURL` give it) and optionally the part of it to read.
 * Runtime messages in Chrome are JSON, so a compact encoded string is how pixels cross between the
 * page and the background; from there on they travel as a Blob.
 */
export interface EncodedImage {
  dataUrl: string;
  /** The part to decode: in the image's own pixels, or in units of `cropBasisWidth` when given. */
  crop?: Rect;
  /**
   * The width the crop was measured against (a viewport's CSS width): the crop is scaled by the image's
   * width over this, which covers device pixel ratio and page zoom in a `captureVisibleTab` screenshot.
   */
  cropBasisWidth?: number;
}

/** Decodes a base64 `data:` URL into a Blob without a fetch (no request, not even a local one). */
export function dataUrlToBlob(dataUrl: string): Blob | undefined {
  const match = /^data:([^;,]*)(;[^,]*)?,(.*)$/s.exec(dataUrl);
  if (!match) return undefined;
  const [, type = '', params = '', body = ''] = match;
  try {
    if (params.includes(';base64')) {
      const binary = atob(body);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return new Blob([bytes], { type });
    }
    return new Blob([decodeURIComponent(body)], { type });
  } catch {
    return undefined;
  }
}
