import type { GatheredExport } from '../core/otp/batch.ts';
import type { QrCode } from '../core/qr/types.ts';
import { SCAN_TTL_MS } from './scan-state.ts';

/**
 * The parts of a multi-part Google Authenticator export read so far, kept in `storage.session` (memory
 * only) under {@link GATHERED_KEY} beside the scan state: a new scan's `scanning` state replaces the shown
 * result at once, and the next part must still find the earlier ones. It lives exactly as long as the
 * result it belongs to: `finishedAt` is that of the latest finished scan (the stored scan's own), it
 * expires with it {@link SCAN_TTL_MS} later, and "Clear" or an unrelated result removes it.
 */
export interface StoredExport extends GatheredExport<QrCode> {
  finishedAt: number;
}

export const GATHERED_KEY = 'export-parts';

export function isStoredExport(value: unknown): value is StoredExport {
  if (typeof value !== 'object' || value === null) return false;
  const { id, size, parts, finishedAt } = value as Partial<Record<keyof StoredExport, unknown>>;
  return (
    typeof id === 'number' &&
    typeof size === 'number' &&
    typeof finishedAt === 'number' &&
    Array.isArray(parts) &&
    parts.every(
      (part: unknown) =>
        typeof part === 'object' &&
        part !== null &&
        typeof (part as { index?: unknown }).index === 'number' &&
        typeof (part as { code?: { text?: unknown } }).code?.text === 'string',
    )
  );
}

/** True from the moment the gathered export's expiry is due (as for a scan: `>=`). */
export function isExportStale(gathered: StoredExport, now: number): boolean {
  return now - gathered.finishedAt >= SCAN_TTL_MS;
}
