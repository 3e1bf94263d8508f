// Deterministic synthetic images for the timing figures: a screenshot-like page with no QR code.
import type { Pixels } from '../src/core/qr/types.ts';

/** A small deterministic PRNG (mulberry32), so every run times the same pixels. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(img: Pixels, x0: number, y0: number, w: number, h: number, rgb: readonly number[]): void {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x0 + w); x++) {
      const p = (y * img.width + x) * 4;
      img.data[p] = rgb[0] ?? 0;
      img.data[p + 1] = rgb[1] ?? 0;
      img.data[p + 2] = rgb[2] ?? 0;
      img.data[p + 3] = 255;
    }
  }
}

/**
 * A web page as a screenshot would show it: white background, a coloured header, grey panels, photos of
 * noise and lines of "text" (small dark dashes) — edges everywhere, but no QR code.
 */
export function screenshotWithoutQr(width: number, height: number, seed = 1): Pixels {
  const next = random(seed);
  const img: Pixels = { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
  fill(img, 0, 0, width, 64, [32, 80, 160]);
  for (let i = 0; i < 6; i++) {
    const shade = 200 + Math.floor(next() * 50);
    fill(img, Math.floor(next() * width), 80 + Math.floor(next() * height), 300, 200, [shade, shade, shade]);
  }
  for (let i = 0; i < 3; i++) {
    const x0 = Math.floor(next() * (width - 240));
    const y0 = 100 + Math.floor(next() * (height - 340));
    for (let y = y0; y < y0 + 240; y += 4)
      for (let x = x0; x < x0 + 240; x += 4) {
        const v = Math.floor(next() * 256);
        fill(img, x, y, 4, 4, [v, (v * 3) & 255, 255 - v]);
      }
  }
  for (let y = 100; y < height - 20; y += 22) {
    let x = 40 + Math.floor(next() * 20);
    while (x < width - 80) {
      const word = 12 + Math.floor(next() * 60);
      for (let c = 0; c < word; c += 7) fill(img, x + c, y, 5, 12, [30, 30, 30]);
      x += word + 8;
    }
  }
  return img;
}
