/**
 * Which colour to put behind an image with transparent pixels. Pure: unit-tested in Node.
 *
 * A QR code drawn as dark modules on a transparent background reads over white; one drawn as light modules
 * on transparency (for a dark page) reads only over black, which is also how the person sees it. The
 * opaque pixels' mean brightness tells which: light ink gets a black backdrop, everything else white.
 */
export type Backdrop = 'white' | 'black' | 'none';

/** RGBA bytes, 4 per pixel. Samples at most ~`samples` pixels, so a huge image costs no more. */
export function chooseBackdrop(data: ArrayLike<number>, samples = 65_536): Backdrop {
  const pixels = Math.floor(data.length / 4);
  if (pixels === 0) return 'none';
  const step = Math.max(1, Math.floor(pixels / samples));
  // Most images are opaque: one pass over the alpha alone says so, and stops at the first transparent pixel.
  let p = 0;
  while (p < pixels && (data[p * 4 + 3] ?? 255) >= 250) p += step;
  if (p >= pixels) return 'none';
  let opaque = 0;
  let brightness = 0;
  for (let q = 0; q < pixels; q += step) {
    const i = q * 4;
    if ((data[i + 3] ?? 255) >= 128) {
      opaque++;
      brightness += 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
    }
  }
  if (opaque === 0) return 'white';
  return brightness / opaque > 160 ? 'black' : 'white';
}
