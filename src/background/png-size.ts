import type { Size } from '../grab/geometry.ts';

/**
 * Width and height of a PNG given as a base64 data: URL, read from its header (the IHDR chunk), without
 * decoding the image. Undefined for anything that is not a PNG.
 */
export function pngSize(dataUrl: string): Size | undefined {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) return undefined;
  let header: string;
  try {
    header = atob(dataUrl.slice(prefix.length, prefix.length + 32));
  } catch {
    return undefined;
  }
  if (header.length < 24 || header.slice(1, 4) !== 'PNG' || header.slice(12, 16) !== 'IHDR') return undefined;
  const u32 = (at: number) =>
    ((header.charCodeAt(at) << 24) |
      (header.charCodeAt(at + 1) << 16) |
      (header.charCodeAt(at + 2) << 8) |
      header.charCodeAt(at + 3)) >>>
    0;
  const width = u32(16);
  const height = u32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
