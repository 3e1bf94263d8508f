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
