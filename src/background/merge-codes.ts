import type { DecodeResult, QrCode } from '../core/qr/types.ts';
import { readingOrder } from '../grab/geometry.ts';
import type { Rect } from '../shared/geometry.ts';

/** One decode of a page scan and where on screen (CSS pixels of the viewport) its image sits. */
export interface PlacedResult {
  result: DecodeResult;
  /** Where the decoded image is on screen; a code's own bounds are mapped through `scale` when known. */
  at: Rect;
  /** Decoded-image pixels per CSS pixel (for codes found in the whole screenshot). */
  scale?: number;
}

/**
 * Merges the decodes of one page scan: each text once (the same code is read from the screenshot and from
 * its element), in reading order on screen. Pure: unit-tested in Node. An error comes back only when no
 * decode succeeded.
 */
export function mergeCodes(results: readonly PlacedResult[]): DecodeResult {
  const placed: { code: QrCode; at: Rect }[] = [];
  let firstError: DecodeResult | undefined;
  let anyOk = false;
  for (const { result, at, scale } of results) {
    if (!result.ok) {
      firstError ??= result;
      continue;
    }
    anyOk = true;
    for (const code of result.codes) placed.push({ code, at: position(code, at, scale) });
  }
  if (!anyOk && firstError) return firstError;
  placed.sort((a, b) => readingOrder(a.at, b.at));
  const seen = new Set<string>();
  const codes: QrCode[] = [];
  for (const { code } of placed) {
    if (seen.has(code.text)) continue;
    seen.add(code.text);
    codes.push({ text: code.text });
  }
  return { ok: true, codes };
}

function position(code: QrCode, at: Rect, scale: number | undefined): Rect {
  if (!code.bounds || !scale) return at;
  return {
    x: at.x + code.bounds.x / scale,
    y: at.y + code.bounds.y / scale,
    width: code.bounds.width / scale,
    height: code.bounds.height / scale,
  };
}
