import { PNG } from 'pngjs';
import { qrDarkRects, qrSide } from '../../src/core/qr/draw.ts';
import type { QrMatrix } from '../../src/core/qr/encode.ts';

/**
 * A QR matrix as a PNG file, drawn the way the popup draws it: white, then every dark rectangle of
 * `qrDarkRects` (the 4-module quiet zone included), `scale` pixels a module.
 */
export function qrPng(matrix: QrMatrix, scale = 6): Buffer {
  const side = qrSide(matrix) * scale;
  const png = new PNG({ width: side, height: side, colorType: 2 });
  png.data.fill(255);
  for (const rect of qrDarkRects(matrix)) {
    for (let y = rect.y * scale; y < (rect.y + rect.height) * scale; y++) {
      for (let x = rect.x * scale; x < (rect.x + rect.width) * scale; x++) {
        const at = (y * side + x) * 4;
        png.data[at] = 0;
        png.data[at + 1] = 0;
        png.data[at + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}
