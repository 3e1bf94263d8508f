import type { DecodeResult, QrCode } from '../core/qr/types.ts';
import type { FileError, ScanErrorCode, ScanSource } from './scan-state.ts';

/** How a scan ended. `fileErrors`: the files of several read at once that held no code. */
export type ScanOutcome =
  | { ok: true; codes: QrCode[]; fileErrors?: FileError[] }
  | { ok: false; error: ScanErrorCode; fileErrors?: FileError[] };

/** Maps the decoder's result onto what the person is told: no code found is an error with its own sentence. */
export function outcomeOfDecode(result: DecodeResult, source: ScanSource): ScanOutcome {
  if (!result.ok) {
    switch (result.error.code) {
      case 'invalid-image':
        return { ok: false, error: 'image-unreadable' };
      case 'image-too-large':
        return { ok: false, error: 'image-too-large' };
      case 'timeout':
        return { ok: false, error: 'timeout' };
      case 'decoder-failed':
        return { ok: false, error: 'decoder-failed' };
      case 'cancelled':
        // A newer scan replaced this one; the background already ignores stale outcomes.
        return { ok: false, error: 'interrupted' };
    }
  }
  if (result.codes.length === 0)
    return { ok: false, error: source === 'page' ? 'no-qr-on-page' : 'no-qr-in-image' };
  return { ok: true, codes: result.codes };
}
