import QRCode from 'qrcode';
import type { Pixels } from '../../src/core/qr/types.ts';

export interface QrPixelOptions {
  /** Pixels a module. */
  scale?: number;
  /** Quiet zone, in modules. */
  margin?: number;
  dark?: [number, number, number, number];
  light?: [number, number, number, number];
}

/** Renders `text` as a QR code straight into RGBA pixels (no image codec), for decoder tests. */
export function qrPixels(text: string, options: QrPixelOptions = {}): Pixels {
  const { scale = 4, margin = 4, dark = [0, 0, 0, 255], light = [255, 255, 255, 255] } = options;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = (size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      const my = Math.floor(y / scale) - margin;
      const isDark = mx >= 0 && my >= 0 && mx < size && my < size && qr.modules.get(my, mx) === 1;
      data.set(isDark ? dark : light, (y * side + x) * 4);
    }
  }
  return { data, width: side, height: side };
}

/** An image of one colour (RGBA), to place codes on. */
export function solidPixels(width: number, height: number, rgba = [255, 255, 255, 255]): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < data.length; p += 4) data.set(rgba, p);
  return { data, width, height };
}

/** Copies `image` into `target` with its top left corner at (x0, y0); returns `target`. */
export function placePixels(target: Pixels, image: Pixels, x0: number, y0: number): Pixels {
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4);
    target.data.set(row, ((y0 + y) * target.width + x0) * 4);
  }
  return target;
}
