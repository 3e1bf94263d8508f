import browser from './browser.ts';
import type { ScanOutcome } from './scan-outcome.ts';
import {
  isScanState,
  isStale,
  SCAN_KEY,
  SCAN_TTL_MS,
  type ScanSource,
  type ScanState,
} from './scan-state.ts';
import { markStage } from './stage-marks.ts';

export const EXPIRE_ALARM = 'expire-scan';

/** The latest scan as stored in `storage.session` (memory only); `idle` when there is none. */
export async function readStoredScan(): Promise<ScanState> {
  const stored = (await browser.storage.session.get(SCAN_KEY))[SCAN_KEY];
  return isScanState(stored) ? stored : { state: 'idle' };
}

/**
 * Writes the scan state. Called synchronously from the menu listener for `scanning`, so that the write is
 * queued before the listener returns and any popup opened after it reads this scan, not the previous one.
 */
export function writeScan(scan: ScanState): Promise<void> {
  const written = browser.storage.session.set({ [SCAN_KEY]: scan });
  if (scan.state === 'done' || scan.state === 'error') {
    void browser.alarms.create(EXPIRE_ALARM, { when: scan.finishedAt + SCAN_TTL_MS });
  }
  return written;
}

/**
 * Records how a scan ended: the codes it read (`done`) or why it read none (`error`). Every way of
 * reading (menu, page scan, file, camera) ends here, so what a finished scan becomes is decided once.
 */
export async function finishScan(scanId: string, source: ScanSource, outcome: ScanOutcome): Promise<void> {
  markStage('decoded');
  const finishedAt = Date.now();
  await writeScan(
    outcome.ok
      ? { state: 'done', scanId, source, finishedAt, codes: outcome.codes }
      : { state: 'error', scanId, source, finishedAt, error: outcome.error },
  );
  markStage('state-written');
}

/** Forgets the scan (expiry, or the person's "Clear"). */
export function clearScan(): Promise<void> {
  return browser.storage.session.remove(SCAN_KEY);
}

/** Removes an expired scan; a fresh one (a newer scan re-armed the alarm) is kept. */
export async function expireScan(now = Date.now()): Promise<void> {
  const stored = (await browser.storage.session.get(SCAN_KEY))[SCAN_KEY];
  if (isScanState(stored) && isStale(stored, now)) await clearScan();
}
