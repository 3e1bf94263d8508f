import type { ScanOutcome } from '../shared/scan-outcome.ts';
import type { FileError } from '../shared/scan-state.ts';

/** One file of a read and how it went. */
export interface FileOutcome {
  name: string;
  outcome: ScanOutcome;
}

/**
 * One result for files read one after another: the codes of every file, in file order, and a `FileError`
 * for each file without a code, which discards none of the others. One file is its own outcome, as before;
 * several without a single code are `no-qr-in-files`, with every file's reason.
 */
export function combineFileOutcomes(files: readonly FileOutcome[]): ScanOutcome {
  const [only] = files;
  if (files.length === 1 && only) return only.outcome;
  const codes = files.flatMap(({ outcome }) => (outcome.ok ? outcome.codes : []));
  const fileErrors: FileError[] = files.flatMap(({ name, outcome }) =>
    outcome.ok ? [] : [{ name, error: outcome.error }],
  );
  if (codes.length > 0) return fileErrors.length > 0 ? { ok: true, codes, fileErrors } : { ok: true, codes };
  return { ok: false, error: 'no-qr-in-files', fileErrors };
}
