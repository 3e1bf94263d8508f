import browser from './browser.ts';
import { finishScanWith } from './finish-scan.ts';
import { GATHERED_KEY, isExportStale, isStoredExport } from './gathered-export.ts';
import { withScanLock } from './scan-lock.ts';
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

/** Arms the expiry alarm for the result just written (a newer result moves it later, as it should). */
function armExpiry(when: number): Promise<void> {
  return browser.alarms.create(EXPIRE_ALARM, { when });
}

/**
 * Writes the scan state. Called synchronously from the menu listener for `scanning`, so that the write is
 * queued before the listener returns and any popup opened after it reads this scan, not the previous one.
 */
export function writeScan(scan: ScanState): Promise<void> {
  const written = browser.storage.session.set({ [SCAN_KEY]: scan });
  if (scan.state === 'done' || scan.state === 'error') void armExpiry(scan.finishedAt + SCAN_TTL_MS);
  return written;
}

/**
 * Records how a scan ended: the codes it read (`done`) or why it read none (`error`). Every way of
 * reading (menu, page scan, file, camera) ends here, so what a finished scan becomes is decided once:
 * parts of a multi-part export gather with the parts read before (src/shared/finish-scan.ts), under a
 * lock every context of the extension shares.
 */
export async function finishScan(scanId: string, source: ScanSource, outcome: ScanOutcome): Promise<void> {
  markStage('decoded');
  await finishScanWith(
    { store: browser.storage.session, lock: withScanLock, armExpiry, now: Date.now },
    scanId,
    source,
    outcome,
  );
  markStage('state-written');
}

/**
 * A scan that a previous run of the background started can never finish: it is recorded as `interrupted`.
 * Export parts gathered before go with it (they belong to a result no longer shown, and their clock would
 * otherwise outlast this error's alarm). Both writes are issued at once, as `writeScan` requires.
 */
export function recordInterrupted(scan: { scanId: string; source: ScanSource }): Promise<void> {
  const removed = browser.storage.session.remove(GATHERED_KEY);
  const written = writeScan({
    state: 'error',
    scanId: scan.scanId,
    source: scan.source,
    finishedAt: Date.now(),
    error: 'interrupted',
  });
  return Promise.all([removed, written]).then(() => undefined);
}

/** Forgets the scan and the export parts gathered with it (expiry, or the person's "Clear"). */
export function clearScan(): Promise<void> {
  return browser.storage.session.remove([SCAN_KEY, GATHERED_KEY]);
}

/**
 * Removes an expired scan and expired export parts; what is still fresh (a newer scan re-armed the alarm)
 * is kept, and the alarm is armed again for it.
 */
export async function expireScan(now = Date.now()): Promise<void> {
  const stored = await browser.storage.session.get([SCAN_KEY, GATHERED_KEY]);
  const scan = stored[SCAN_KEY];
  const gathered = stored[GATHERED_KEY];
  const stale: string[] = [];
  const fresh: number[] = [];
  if (isScanState(scan) && isStale(scan, now)) stale.push(SCAN_KEY);
  else if (isScanState(scan) && (scan.state === 'done' || scan.state === 'error'))
    fresh.push(scan.finishedAt);
  if (gathered !== undefined) {
    if (!isStoredExport(gathered) || isExportStale(gathered, now)) stale.push(GATHERED_KEY);
    else fresh.push(gathered.finishedAt);
  }
  if (stale.length > 0) await browser.storage.session.remove(stale);
  if (fresh.length > 0) await browser.alarms.create(EXPIRE_ALARM, { when: Math.min(...fresh) + SCAN_TTL_MS });
}
