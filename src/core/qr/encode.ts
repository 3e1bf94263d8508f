import { create } from 'qrcode/lib/core/qrcode.js';

/** A QR code's modules: `size` × `size`, row by row, 1 = dark; no quiet zone. */
export interface QrMatrix {
  size: number;
  modules: Uint8Array;
}

/**
 * Error correction M (15% of the code may be lost): what authenticator-enrolment QR codes commonly use.
 * A code on a screen is not torn or stained, so a higher level would only make the modules smaller for
 * the same text: a 111-character otpauth URI is version 6 at M (41 modules a side), 8 at Q (49), 10 at H
 * (57). L would save a version at most and leave no margin for glare, moiré or a phone held at an angle
 * to the screen.
 */
export const QR_ERROR_CORRECTION = 'M';

/** Why a text cannot be a QR code. */
export type QrEncodeErrorCode =
  /** More than a version-40 code holds at level M (2,331 bytes as bytes; more for digits and capitals). */
  | 'too-long'
  /** Nothing to encode. */
  | 'empty';

export class QrEncodeError extends Error {
  override readonly name = 'QrEncodeError';
  constructor(readonly code: QrEncodeErrorCode) {
    super(`QR code cannot be made: ${code}`);
  }
}

/**
 * The QR code of `text` (UTF-8; the `qrcode` package picks the segments and the smallest version and
 * mask). Throws a `QrEncodeError` (`too-long`, `empty`) and nothing else; `tryEncodeQr` returns instead.
 */
export function encodeQr(text: string): QrMatrix {
  if (text === '') throw new QrEncodeError('empty');
  let symbol: ReturnType<typeof create>;
  try {
    symbol = create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  } catch {
    // The package throws plain Errors; for a non-empty string the only one is "too big".
    throw new QrEncodeError('too-long');
  }
  return { size: symbol.modules.size, modules: Uint8Array.from(symbol.modules.data) };
}

export function tryEncodeQr(
  text: string,
): { ok: true; value: QrMatrix } | { ok: false; error: QrEncodeErrorCode } {
  try {
    return { ok: true, value: encodeQr(text) };
  } catch (error) {
    if (error instanceof QrEncodeError) return { ok: false, error: error.code };
    throw error;
  }
}
