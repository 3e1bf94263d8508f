import type { DecodeResult, QrCode } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import { readingOrder } from '../grab/geometry.ts';

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

/** Where each code of one decode is on screen (CSS pixels), for those whose bounds the decoder reported. */
export function placesOf({ result, at, scale }: PlacedResult): Rect[] {
  if (!result.ok || !scale) return [];
  return result.codes.flatMap((code) => (code.bounds ? [position(code, at, scale)] : []));
}

/** True when a code already read lies in `element` (its centre inside): decoding the element again adds nothing. */
export function alreadyRead(element: Rect, found: readonly Rect[]): boolean {
  return found.some((code) => {
    const cx = code.x + code.width / 2;
    const cy = code.y + code.height / 2;
    return (
      cx >= element.x &&
      cx <= element.x + element.width &&
      cy >= element.y &&
      cy <= element.y + element.height
    );
  });
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
