import { gatherParts, partsStatus } from '../core/otp/batch.ts';
import { GATHERED_KEY, isExportStale, isStoredExport, type StoredExport } from './gathered-export.ts';
import type { ScanOutcome } from './scan-outcome.ts';
import { type ExportParts, SCAN_KEY, SCAN_TTL_MS, type ScanSource, type ScanState } from './scan-state.ts';

/** What a finished scan writes: the scan state and the gathered export (`undefined`: none any more). */
export interface Settled {
  scan: ScanState;
  gathered: StoredExport | undefined;
}

function summary(gathered: StoredExport): ExportParts {
  const { size, read } = partsStatus(gathered);
  return { size, read };
}

/**
 * What a scan's outcome becomes, given the export gathered so far (already checked fresh). Codes that are
 * all parts of one multi-part export join it (or start it) and the result shows every part read; a failed
 * read keeps the gathered parts for the next one; anything else replaces the result and drops them. The
 * gathered export always takes the new result's `finishedAt`: both expire together.
 */
export function settleScan(
  scanId: string,
  source: ScanSource,
  outcome: ScanOutcome,
  previous: StoredExport | undefined,
  finishedAt: number,
): Settled {
  const fileErrors = outcome.fileErrors?.length ? { fileErrors: outcome.fileErrors } : {};
  if (!outcome.ok) {
    const gathered = previous && { ...previous, finishedAt };
    const parts = gathered ? { parts: summary(gathered) } : {};
    return {
      scan: { state: 'error', scanId, source, finishedAt, error: outcome.error, ...fileErrors, ...parts },
      gathered,
    };
  }
  const joined = gatherParts(previous, outcome.codes);
  if (!joined) {
    return {
      scan: { state: 'done', scanId, source, finishedAt, codes: outcome.codes, ...fileErrors },
      gathered: undefined,
    };
  }
  const gathered: StoredExport = { ...joined, finishedAt };
  const codes = gathered.parts.map((part) => part.code);
  return {
    scan: { state: 'done', scanId, source, finishedAt, codes, ...fileErrors, parts: summary(gathered) },
    gathered,
  };
}

/** The parts of `storage.session` a finished scan reads and writes. */
export interface SessionStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface FinishDeps {
  store: SessionStore;
  /** Runs `work` while no other context of the extension runs its own (see scan-lock.ts). */
  lock: <T>(work: () => Promise<T>) => Promise<T>;
  /** Makes sure the expiry alarm fires by `when`. */
  armExpiry: (when: number) => Promise<void>;
  now: () => number;
}

/**
 * True when what `outcome` becomes does not depend on the parts gathered before: codes read, and not all
 * parts of one export (an ordinary enrolment code). Such a result replaces whatever was gathered.
 */
export function standsAlone(outcome: ScanOutcome): boolean {
  return outcome.ok && gatherParts(undefined, outcome.codes) === undefined;
}

/**
 * Records how a scan ended. Reading the gathered export, joining the new parts and writing both back is one
 * step under the lock: two scans finishing together (the background's menu scan and the popup's file, or
 * the camera page) would otherwise both read the same parts and the later write would drop the other's.
 * The alarm is armed before the result is written, so a result on screen always has its expiry set.
 *
 * Each storage call is a round trip to the browser (7–27 ms each in a browser just started, bench:e2e), so
 * the calls that do not wait for one another go together: the alarm beside the read, and a result that
 * {@link standsAlone} reads nothing at all (its parts, if any were gathered, are removed beside the alarm).
 */
export function finishScanWith(
  deps: FinishDeps,
  scanId: string,
  source: ScanSource,
  outcome: ScanOutcome,
): Promise<void> {
  return deps.lock(async () => {
    const finishedAt = deps.now();
    const alone = standsAlone(outcome);
    const [stored] = await Promise.all([
      alone ? undefined : deps.store.get([GATHERED_KEY]).then((found) => found[GATHERED_KEY]),
      deps.armExpiry(finishedAt + SCAN_TTL_MS),
      alone ? deps.store.remove([GATHERED_KEY]) : undefined,
    ]);
    const previous = isStoredExport(stored) && !isExportStale(stored, finishedAt) ? stored : undefined;
    const { scan, gathered } = settleScan(scanId, source, outcome, previous, finishedAt);
    if (gathered) {
      await deps.store.set({ [SCAN_KEY]: scan, [GATHERED_KEY]: gathered });
    } else {
      await Promise.all([
        stored !== undefined && deps.store.remove([GATHERED_KEY]),
        deps.store.set({ [SCAN_KEY]: scan }),
      ]);
    }
  });
}
