import type { QrCode } from '../core/qr/types.ts';

/** Where a scan's pixels came from. */
export type ScanSource = 'image' | 'page' | 'file' | 'camera';

/** Why a scan ended without a result. The popup holds the one table of sentences for these. */
export type ScanErrorCode =
  | 'no-qr-in-image'
  | 'no-qr-on-page'
  | 'image-not-found'
  | 'image-unreadable'
  | 'protected-page'
  /** The browser's extension store or account pages (Chrome Web Store, Firefox's restricted domains). */
  | 'store-page'
  /** A page of another extension. */
  | 'extension-page'
  /** The browser's built-in PDF viewer. */
  | 'pdf-viewer'
  /** A file:// page while "Allow access to file URLs" is off. */
  | 'file-access-needed'
  | 'capture-failed'
  | 'decoder-failed'
  | 'image-too-large'
  | 'interrupted'
  | 'timeout'
  /** Several image files were read at once and none of them held a QR code (each has its `FileError`). */
  | 'no-qr-in-files';

/** One file of several read at once that gave no code: its name (as the person's computer names it) and why. */
export interface FileError {
  name: string;
  error: ScanErrorCode;
}

/**
 * The parts of a multi-part Google Authenticator export that a result holds (`done`) or that are kept for
 * the next part while a read failed (`error`): numbers only. The codes themselves are under
 * `GATHERED_KEY` (src/shared/gathered-export.ts).
 */
export interface ExportParts {
  size: number;
  /** Parts read, 1-based, ascending. */
  read: number[];
}

/**
 * The latest scan of this browser session. It lives in `storage.session` only (memory, never disk) under
 * {@link SCAN_KEY}, and is removed after {@link SCAN_TTL_MS} or when the person clears it.
 */
export type ScanState =
  | { state: 'idle' }
  | {
      state: 'scanning';
      scanId: string;
      source: ScanSource;
      startedAt: number;
      owner: string;
      /** Image files read one after another in this scan, when more than one: each has its own budget. */
      files?: number;
    }
  | {
      state: 'done';
      scanId: string;
      source: ScanSource;
      finishedAt: number;
      /** Every code read, in file order; for a gathered export every part read so far, in part order. */
      codes: QrCode[];
      /** Files of several read at once that held no code (the others' codes are in `codes`). */
      fileErrors?: FileError[];
      /** Set when the codes are parts of one multi-part export. */
      parts?: ExportParts;
    }
  | {
      state: 'error';
      scanId: string;
      source: ScanSource;
      finishedAt: number;
      error: ScanErrorCode;
      fileErrors?: FileError[];
      /** Parts of an export read before this failed read: kept, so the next part still joins them. */
      parts?: ExportParts;
    };

export const SCAN_KEY = 'scan';

/** How long a finished scan (and the key it may hold) is kept. */
export const SCAN_TTL_MS = 5 * 60 * 1000;

/** A scan still `scanning` after this long is treated as interrupted. */
export const SCAN_BUDGET_MS = 30 * 1000;

export function isScanState(value: unknown): value is ScanState {
  if (typeof value !== 'object' || value === null) return false;
  const state = (value as { state?: unknown }).state;
  return state === 'idle' || state === 'scanning' || state === 'done' || state === 'error';
}

/** True when a stored scan should no longer be shown: expired result, or a scan that cannot still be running. */
export function isStale(scan: ScanState, now: number): boolean {
  if (scan.state === 'scanning') return now - scan.startedAt > SCAN_BUDGET_MS * Math.max(1, scan.files ?? 1);
  // `>=`: the expiry alarm fires at finishedAt + SCAN_TTL_MS exactly, and must then find the scan stale.
  if (scan.state === 'done' || scan.state === 'error') return now - scan.finishedAt >= SCAN_TTL_MS;
  return false;
}

/** What to show for a stored scan at `now`: an expired result is gone, a scan that overran its budget was interrupted. */
export function visibleScan(scan: ScanState, now: number): ScanState {
  if (!isStale(scan, now)) return scan;
  if (scan.state === 'scanning') {
    return {
      state: 'error',
      scanId: scan.scanId,
      source: scan.source,
      finishedAt: now,
      error: 'interrupted',
    };
  }
  return { state: 'idle' };
}
