// Draws the extension's icons (icons/icon-{16,32,48,128}.png): a blue rounded tile holding a QR finder
// pattern and a key. Run with `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const BLUE = [11, 92, 173];
const WHITE = [255, 255, 255];

/** Shape tests in a 0..1 square; later shapes paint over earlier ones. */
function colourAt(x, y) {
  const inside = (x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null; // outside the rounded tile
  let colour = BLUE;
  // Finder pattern (top left): white ring, blue gap, white centre.
  if (inside(0.14, 0.14, 0.5, 0.5)) colour = WHITE;
  if (inside(0.2, 0.2, 0.44, 0.44)) colour = BLUE;
  if (inside(0.26, 0.26, 0.38, 0.38)) colour = WHITE;
  // A few data modules (top right, bottom left).
  for (const [mx, my] of [
    [0.58, 0.14],
    [0.74, 0.26],
    [0.58, 0.38],
    [0.14, 0.58],
    [0.26, 0.74],
  ]) {
    if (inside(mx, my, mx + 0.12, my + 0.12)) colour = WHITE;
  }
  // Key: ring at (0.62, 0.66) and a shaft to the bottom right with two teeth.
  const d = Math.hypot(x - 0.62, y - 0.64);
  if (d <= 0.13 && d >= 0.06) colour = WHITE;
  const u = (x - 0.62 + (y - 0.64)) / Math.SQRT2; // along the shaft (45°)
  const v = (y - 0.64 - (x - 0.62)) / Math.SQRT2; // across it
  if (u > 0.11 && u < 0.42 && Math.abs(v) < 0.035) colour = WHITE;
  if (u > 0.3 && u < 0.35 && v > 0 && v < 0.1) colour = WHITE;
  if (u > 0.37 && u < 0.42 && v > 0 && v < 0.1) colour = WHITE;
  return colour;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) png.data[o + i] = covered ? Math.round(sum[i] / covered) : 0;
      png.data[o + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

for (const size of [16, 32, 48, 128])
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), draw(size));
console.log('icons written');
