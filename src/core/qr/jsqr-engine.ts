import jsQR from 'jsqr';
import type { Found } from './found.ts';
import type { Pixels } from './types.ts';

/**
 * One jsQR read (it finds at most one code). jsQR 1.4.0 writes a call's options into its shared defaults,
 * so every option is passed on every call.
 */
export function readWithJsqr(pixels: Pixels): Found[] {
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  if (!found) return [];
  const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = found.location;
  return [
    {
      text: found.data,
      corners: [topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner],
      engine: 'jsqr',
    },
  ];
}
